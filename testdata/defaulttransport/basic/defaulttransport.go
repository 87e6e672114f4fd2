package basic

import (
	"net/http"
	nethttp "net/http"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

type Config struct {
	MaxConns    int
	IdleTimeout time.Duration
}

// T is an alias of http.Transport.
type T = http.Transport

func defaultTransportValue(req *http.Request, c *http.Client) http.RoundTripper {
	_ = &http.Client{Transport: http.DefaultTransport, Timeout: 5 * time.Second}               // want `^http.DefaultTransport keeps only 2 idle connections per host: under load most requests through the sidecar open a new connection; use your own transport \(a Clone\(\) of it with MaxIdleConnsPerHost: 100, IdleConnTimeout: 30 \* time.Second\)$`
	_ = otelhttp.NewTransport(http.DefaultTransport)                                           // want `http.DefaultTransport keeps only 2 idle connections`
	http.DefaultTransport.RoundTrip(req)                                                       // want `http.DefaultTransport keeps only 2 idle connections`
	roundTrip := nethttp.DefaultTransport.RoundTrip                                            // want `http.DefaultTransport keeps only 2 idle connections`
	var base http.RoundTripper = http.DefaultTransport                                         // want `http.DefaultTransport keeps only 2 idle connections`
	c.Transport = http.DefaultTransport                                                        // want `http.DefaultTransport keeps only 2 idle connections`
	_ = &http.Client{Transport: http.DefaultTransport.(*http.Transport), Timeout: time.Second} // want `http.DefaultTransport keeps only 2 idle connections`
	_ = []http.RoundTripper{http.RoundTripper(http.DefaultTransport)}                          // want `http.DefaultTransport keeps only 2 idle connections`
	_, _ = roundTrip, base
	return http.DefaultTransport // want `http.DefaultTransport keeps only 2 idle connections`
}

func notAValueUse(rt http.RoundTripper) {
	// Comparisons leave no pool at its defaults.
	if rt == http.DefaultTransport || rt != nethttp.DefaultTransport {
		return
	}
	switch rt {
	case http.DefaultTransport:
	}
	// Reading its fields, configuring or replacing it in place.
	dial := http.DefaultTransport.(*http.Transport).DialContext
	_ = &http.Transport{DialContext: dial, MaxIdleConnsPerHost: 100, IdleConnTimeout: 30 * time.Second}
	http.DefaultTransport.(*http.Transport).MaxIdleConnsPerHost = 100
	http.DefaultTransport.(*http.Transport).CloseIdleConnections()
	http.DefaultTransport = &http.Transport{MaxIdleConnsPerHost: 100, IdleConnTimeout: 30 * time.Second}
	// By default a client with no Transport is not flagged.
	_ = &http.Client{Timeout: 5 * time.Second}
}

func clones(cfg Config, cond bool) []http.RoundTripper {
	t1 := http.DefaultTransport.(*http.Transport).Clone() // want `^clone of http.DefaultTransport keeps MaxIdleConnsPerHost at 2: 2 idle connections per host make a busy client open a new connection through the sidecar for most requests; set MaxIdleConnsPerHost on the clone \(e.g. t.MaxIdleConnsPerHost = 100\)$`
	t1.IdleConnTimeout = 30 * time.Second

	t2 := http.DefaultTransport.(*http.Transport).Clone()
	t2.MaxIdleConnsPerHost = 100

	t3 := nethttp.DefaultTransport.(*nethttp.Transport).Clone()
	if cond {
		t3.MaxIdleConnsPerHost = cfg.MaxConns // nested block
	}

	dt := http.DefaultTransport.(*http.Transport)
	t4 := dt.Clone() // want `clone of http.DefaultTransport keeps MaxIdleConnsPerHost at 2`
	t5 := dt.Clone()
	t5.MaxIdleConnsPerHost = 64

	c1 := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone(), Timeout: time.Second} // want `clone of http.DefaultTransport`

	// Pointer alias through the client holding the clone.
	c2 := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone(), Timeout: time.Second}
	tr := c2.Transport.(*http.Transport)
	tr.MaxIdleConnsPerHost = 50

	c3 := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone(), Timeout: time.Second}
	c3.Transport.(*http.Transport).MaxIdleConnsPerHost = 50

	wrapped := otelhttp.NewTransport(http.DefaultTransport.(*http.Transport).Clone()) // want `clone of http.DefaultTransport`

	// A clone of your own transport is not the default.
	own := &http.Transport{MaxIdleConnsPerHost: 100, IdleConnTimeout: 30 * time.Second}
	t6 := own.Clone()

	return []http.RoundTripper{t1, t2, t3, t4, t5, c1.Transport, wrapped, t6}
}

func newCloned() *http.Transport {
	return http.DefaultTransport.(*http.Transport).Clone() // want `clone of http.DefaultTransport`
}

func newClonedOK(n int) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = n
	t.IdleConnTimeout = 30 * time.Second
	return t
}

func literals(cfg Config) {
	_ = &http.Transport{}                                                     // want `^http.Transport literal leaves MaxIdleConnsPerHost, IdleConnTimeout at Go's defaults: 2 idle connections per host make a busy client open a new connection through the sidecar for most requests, and idle connections never expire, so the sidecar or upstream closes them first and a reused one fails \(503 UC\); set MaxIdleConnsPerHost: 100, IdleConnTimeout: 30 \* time.Second$`
	_ = http.Transport{MaxIdleConnsPerHost: 100}                              // want `^http.Transport literal leaves IdleConnTimeout at Go's defaults: idle connections never expire, so the sidecar or upstream closes them first and a reused one fails \(503 UC\); set IdleConnTimeout: 30 \* time.Second$`
	_ = &http.Transport{IdleConnTimeout: 30 * time.Second, MaxIdleConns: 100} // want `^http.Transport literal leaves MaxIdleConnsPerHost at Go's defaults: 2 idle connections per host make a busy client open a new connection through the sidecar for most requests; set MaxIdleConnsPerHost: 100$`
	_ = &http.Transport{MaxIdleConnsPerHost: 0, IdleConnTimeout: 0}           // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
	_ = &nethttp.Transport{}                                                  // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
	_ = &T{}                                                                  // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
	_ = otelhttp.NewTransport(&http.Transport{})                              // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
	_ = []*http.Transport{{}}                                                 // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`

	// Not flagged: both set (constants or not), keep-alives off.
	_ = &http.Transport{MaxIdleConnsPerHost: 100, IdleConnTimeout: 30 * time.Second}
	_ = &http.Transport{MaxIdleConnsPerHost: cfg.MaxConns, IdleConnTimeout: cfg.IdleTimeout}
	_ = &T{MaxIdleConnsPerHost: 10, IdleConnTimeout: time.Minute}
	_ = &http.Transport{DisableKeepAlives: true}
	_ = &http.Client{
		Transport: otelhttp.NewTransport(&http.Transport{MaxIdleConnsPerHost: 100, IdleConnTimeout: 30 * time.Second}),
		Timeout:   5 * time.Second,
	}
}

func laterAssignments(cfg Config) []http.RoundTripper {
	t1 := &http.Transport{MaxIdleConnsPerHost: 100}
	t1.IdleConnTimeout = 30 * time.Second

	t2 := &http.Transport{} // want `^http.Transport literal leaves MaxIdleConnsPerHost at Go's defaults`
	t2.IdleConnTimeout = cfg.IdleTimeout

	var t3 http.Transport = http.Transport{}
	t3.MaxIdleConnsPerHost = cfg.MaxConns
	if cfg.IdleTimeout > 0 {
		t3.IdleConnTimeout = cfg.IdleTimeout
	}

	// Through the client holding the literal.
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Second}
	tr := c.Transport.(*http.Transport)
	tr.MaxIdleConnsPerHost = 50
	c.Transport.(*http.Transport).IdleConnTimeout = 20 * time.Second

	// Assigned on another variable: still flagged.
	t4 := &http.Transport{} // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
	t5 := &http.Transport{MaxIdleConnsPerHost: 1, IdleConnTimeout: time.Second}
	t5.MaxIdleConnsPerHost = 100
	t5.IdleConnTimeout = time.Minute

	return []http.RoundTripper{t1, t2, &t3, c.Transport, t4, t5}
}

type upstream struct {
	tr     *http.Transport
	client *http.Client
}

func newUpstream(cfg Config) *upstream {
	u := &upstream{tr: &http.Transport{MaxIdleConnsPerHost: cfg.MaxConns}}
	u.tr.IdleConnTimeout = cfg.IdleTimeout
	return u
}

func newUpstreamBad() *upstream {
	return &upstream{ // struct fields initialised in a constructor literal
		tr: &http.Transport{}, // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
	}
}

// Package-level transports: assignments in init count.
var (
	sharedTransport = &http.Transport{MaxIdleConnsPerHost: 100}
	bareTransport   = &http.Transport{MaxIdleConnsPerHost: 100} // want `leaves IdleConnTimeout at`
)

func init() {
	sharedTransport.IdleConnTimeout = 30 * time.Second
}
