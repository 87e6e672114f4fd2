package basic

import (
	"context"
	"flag"
	"net/http"
	nethttp "net/http"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"example.com/fixtures/ext/oauthlike"
	"example.com/fixtures/ext/retrylike"
)

type Config struct {
	Timeout time.Duration
}

const noTimeout = 0

// C is an alias of http.Client.
type C = http.Client

func literals(cfg Config) {
	_ = &http.Client{}                          // want `^http.Client has no Timeout: a stalled upstream behind the sidecar holds the request forever; set Timeout \(5-10s is typical, e.g. Timeout: 10 \* time.Second\)$`
	_ = http.Client{}                           // want `http.Client has no Timeout`
	_ = &http.Client{Timeout: 0}                // want `http.Client has no Timeout`
	_ = &http.Client{Timeout: 0 * time.Second}  // want `http.Client has no Timeout`
	_ = &http.Client{Timeout: noTimeout}        // want `http.Client has no Timeout`
	_ = &http.Client{Timeout: time.Duration(0)} // want `http.Client has no Timeout`
	_ = &http.Client{                           // want `http.Client has no Timeout`
		Transport: otelhttp.NewTransport(http.DefaultTransport),
	}
	_ = &nethttp.Client{}             // want `http.Client has no Timeout`
	_ = &C{}                          // want `http.Client has no Timeout`
	_ = new(http.Client)              // want `http.Client has no Timeout`
	_ = new(C)                        // want `http.Client has no Timeout`
	_ = http.Client{nil, nil, nil, 0} // want `http.Client has no Timeout`

	// Not flagged: a non-zero constant or any non-constant Timeout.
	_ = &http.Client{Timeout: 10 * time.Second}
	_ = &http.Client{Timeout: cfg.Timeout}
	_ = &nethttp.Client{Timeout: time.Minute}
	_ = &C{Timeout: 2 * time.Second}
	_ = &http.Client{
		Transport: otelhttp.NewTransport(&http.Transport{MaxIdleConnsPerHost: 100, IdleConnTimeout: 30 * time.Second}),
		Timeout:   5 * time.Second,
	}
	_ = http.Client{nil, nil, nil, time.Second}
	d := cfg.Timeout
	_ = &http.Client{Timeout: d}
}

func usedInPlace(req *http.Request) {
	(&http.Client{}).Do(req)  // want `http.Client has no Timeout`
	do := (&http.Client{}).Do // want `http.Client has no Timeout`
	do(req)
	clients := map[string]*http.Client{}
	clients["a"] = &http.Client{} // want `http.Client has no Timeout`
	_ = []*http.Client{{}}        // want `http.Client has no Timeout`
}

// Later assignment on the same variable clears the finding.
func later(cfg Config) {
	c := &http.Client{}
	c.Timeout = 5 * time.Second

	var c2 = &http.Client{Transport: http.DefaultTransport}
	if cfg.Timeout > 0 {
		c2.Timeout = cfg.Timeout // nested block
	}

	var c3 *http.Client
	c3 = new(http.Client)
	c3.Timeout = time.Second

	c4 := http.Client{}
	c4.Timeout = cfg.Timeout

	c5 := &http.Client{}
	alias := c5
	alias.Timeout = time.Second

	c6 := &http.Client{}
	flag.DurationVar(&c6.Timeout, "timeout", 5*time.Second, "outbound timeout")

	c7 := &http.Client{}
	defer func() { c7.Timeout = time.Second }()

	var c8 http.Client
	c8.Timeout = time.Second

	_, _, _, _, _, _, _, _ = c, c2, c3, c4, c5, c6, c7, c8
}

// Not cleared: the assignment is on another variable, or before the literal.
func notLater(cfg Config) {
	c := &http.Client{} // want `http.Client has no Timeout`
	other := &http.Client{Timeout: time.Second}
	other.Timeout = cfg.Timeout

	var c2 *http.Client
	c2 = &http.Client{Timeout: time.Second}
	c2.Timeout = 3 * time.Second
	c2 = &http.Client{} // want `http.Client has no Timeout`

	var c3 http.Client // want `http.Client has no Timeout`
	c3.Get("http://users.default.svc.cluster.local/")
	_, _ = c, c2
}

// Package-level variables: an assignment anywhere in the package counts.
var (
	pkgClient   = &http.Client{} // set in init
	pkgBare     = &http.Client{} // want `http.Client has no Timeout`
	zeroClient  http.Client      // want `http.Client has no Timeout`
	zeroFixed   http.Client      // set in setTimeouts
	replaced    http.Client      // replaced as a whole in init
	pkgConfigOK = &http.Client{Timeout: 10 * time.Second}
)

func init() {
	pkgClient.Timeout = 10 * time.Second
	replaced = http.Client{Timeout: time.Second}
}

func setTimeouts(d time.Duration) { zeroFixed.Timeout = d }

// Clients from functions meshlint cannot see into are not flagged.
func fromLibraries(ctx context.Context, src oauthlike.TokenSource) {
	oc := oauthlike.NewClient(ctx, src)
	rc := retrylike.NewClient()
	std := rc.StandardClient()
	base := &http.Client{Timeout: 5 * time.Second}
	ctx = context.WithValue(ctx, oauthlike.HTTPClient, base)
	_, _, _ = oc, std, ctx
}

// A client passed to a library is still judged: libraries use it, they do
// not configure it.
func intoLibraries(ctx context.Context, src oauthlike.TokenSource) {
	base := &http.Client{} // want `http.Client has no Timeout`
	ctx = context.WithValue(ctx, oauthlike.HTTPClient, base)
	_ = oauthlike.NewClient(ctx, src)
}
