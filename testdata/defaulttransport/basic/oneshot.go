package basic

import (
	"crypto/tls"
	"net/http"
	"time"
)

type Settings struct {
	KeepAlives bool
}

// DisableKeepAlives exempts a transport only when it is the constant true.
func keepAlives(s Settings) []*http.Transport {
	return []*http.Transport{
		{DisableKeepAlives: true},
		{DisableKeepAlives: !s.KeepAlives},                          // want `^http.Transport literal leaves MaxIdleConnsPerHost, IdleConnTimeout at Go's defaults`
		{DisableKeepAlives: s.KeepAlives, MaxIdleConnsPerHost: 100}, // want `^http.Transport literal leaves IdleConnTimeout at Go's defaults`
		{DisableKeepAlives: false},                                  // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
		{DisableKeepAlives: s.KeepAlives, MaxIdleConnsPerHost: 100, IdleConnTimeout: 30 * time.Second},
	}
}

// A transport whose only use is a client local to the function: its pool
// is never reused after the function returns.
func oneShot(req *http.Request, cfg *tls.Config) (*http.Response, error) {
	tr := &http.Transport{TLSClientConfig: cfg}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	return client.Do(req)
}

func oneShotInline(req *http.Request) (*http.Response, error) {
	client := http.Client{
		Transport: &http.Transport{TLSClientConfig: &tls.Config{}},
		Timeout:   10 * time.Second,
	}
	defer client.CloseIdleConnections()
	return client.Do(req)
}

func oneShotInPlace(req *http.Request) (*http.Response, error) {
	return (&http.Client{Transport: &http.Transport{}, Timeout: time.Second}).Do(req)
}

func oneShotField(url string) (*http.Response, error) {
	client := &http.Client{Timeout: 5 * time.Second}
	client.Transport = &http.Transport{TLSClientConfig: &tls.Config{}}
	return client.Get(url)
}

func oneShotClone(req *http.Request, cfg *tls.Config) (*http.Response, error) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = cfg
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	return client.Do(req)
}

func oneShotRoundTrip(req *http.Request) (*http.Response, error) {
	return (&http.Transport{}).RoundTrip(req)
}

// The same transport, kept: flagged.
type Upstream struct {
	client *http.Client
	tr     *http.Transport
}

func newTransport(cfg *tls.Config) *http.Transport {
	tr := &http.Transport{TLSClientConfig: cfg} // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
	return tr
}

func newClient(cfg *tls.Config) *http.Client {
	tr := &http.Transport{TLSClientConfig: cfg} // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
	return &http.Client{Transport: tr, Timeout: 10 * time.Second}
}

func (u *Upstream) init(cfg *tls.Config) {
	u.tr = &http.Transport{TLSClientConfig: cfg} // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
	u.client = &http.Client{
		Transport: http.DefaultTransport.(*http.Transport).Clone(), // want `clone of http.DefaultTransport keeps MaxIdleConnsPerHost at 2`
		Timeout:   time.Second,
	}
}

func newUpstream2(cfg *tls.Config) *Upstream {
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}, Timeout: time.Second} // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
	return &Upstream{client: client}
}

var shared *http.Client

func storeInPackageVar() {
	tr := &http.Transport{} // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
	shared = &http.Client{Transport: tr, Timeout: time.Second}
}

func storeInMap(m map[string]*http.Client) {
	m["users"] = &http.Client{Transport: &http.Transport{}, Timeout: time.Second} // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
}

func storeInSlice(req *http.Request) []*http.Client {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Second} // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
	c.Do(req)
	return []*http.Client{c}
}

func passTransport(req *http.Request) {
	tr := &http.Transport{} // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
	use(&http.Client{Transport: tr, Timeout: time.Second}, req)
}

func use(c *http.Client, req *http.Request) { c.Do(req) }

func cloneReturned() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone() // want `clone of http.DefaultTransport keeps MaxIdleConnsPerHost at 2`
	return &http.Client{Transport: tr, Timeout: time.Second}
}

func keptByClosure(req *http.Request) func() (*http.Response, error) {
	client := &http.Client{Transport: &http.Transport{}, Timeout: time.Second} // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
	return func() (*http.Response, error) { return client.Do(req) }
}

// Built and never used by a client: still reported.
func unused() {
	tr := &http.Transport{} // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
	tr.TLSClientConfig = nil
}
