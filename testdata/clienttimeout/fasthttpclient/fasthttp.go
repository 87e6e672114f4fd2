package fasthttpclient

import (
	"time"

	"github.com/valyala/fasthttp"
)

type Config struct{ Timeout time.Duration }

// Flagged: clients without ReadTimeout, and the package-level functions
// that use fasthttp's default client (no timeout).
func clients(cfg Config) []*fasthttp.Client {
	c := &fasthttp.Client{}                                             // want `^fasthttp.Client has no ReadTimeout: a stalled upstream behind the sidecar holds the request forever; set ReadTimeout and WriteTimeout \(e.g. ReadTimeout: 10 \* time.Second\)$`
	hc := &fasthttp.HostClient{Addr: "users:8080"}                      // want `^fasthttp.HostClient has no ReadTimeout`
	zero := &fasthttp.Client{ReadTimeout: 0, WriteTimeout: time.Second} // want `fasthttp.Client has no ReadTimeout`
	_ = hc

	// Not flagged: a ReadTimeout, constant or not, in the literal or later.
	ok1 := &fasthttp.Client{ReadTimeout: 10 * time.Second}
	ok2 := &fasthttp.Client{ReadTimeout: cfg.Timeout}
	ok3 := &fasthttp.Client{}
	ok3.ReadTimeout = cfg.Timeout
	_ = &fasthttp.HostClient{Addr: "users:8080", ReadTimeout: time.Second}
	return []*fasthttp.Client{c, zero, ok1, ok2, ok3}
}

func defaults(dst []byte, req *fasthttp.Request, resp *fasthttp.Response, url string) {
	fasthttp.Get(dst, url)             // want `^fasthttp.Get uses fasthttp's default client, which has no timeout: a stalled upstream behind the sidecar holds the request forever; use fasthttp.GetTimeout$`
	fasthttp.Post(dst, url, nil)       // want `fasthttp.Post uses fasthttp's default client`
	fasthttp.Do(req, resp)             // want `^fasthttp.Do uses fasthttp's default client, which has no timeout: .*; use fasthttp.DoTimeout$`
	fasthttp.DoRedirects(req, resp, 3) // want `fasthttp.DoRedirects uses fasthttp's default client`

	// Not flagged: they carry their own timeout or deadline.
	fasthttp.DoTimeout(req, resp, time.Second)
	fasthttp.DoDeadline(req, resp, time.Now().Add(time.Second))
	fasthttp.GetTimeout(dst, url, time.Second)
	fasthttp.GetDeadline(dst, url, time.Now().Add(time.Second))
}

var pkgClient = &fasthttp.Client{}

func init() { pkgClient.ReadTimeout = 5 * time.Second }

// Not flagged: every request of the client carries its own timeout.
var timedClient = fasthttp.Client{MaxConnWaitTimeout: time.Second}

func proxy(req *fasthttp.Request, resp *fasthttp.Response, timeout time.Duration) error {
	return timedClient.DoTimeout(req, resp, timeout)
}

func timedLocal(dst []byte, url string) {
	c := &fasthttp.HostClient{Addr: "users:8080"}
	defer c.CloseIdleConnections()
	c.GetTimeout(dst, url, time.Second)
	c.GetDeadline(dst, url, time.Now().Add(time.Second))
}

// Flagged: one request without its own timeout, or a client that leaves.
var mixedClient = &fasthttp.Client{} // want `fasthttp.Client has no ReadTimeout`

func mixed(req *fasthttp.Request, resp *fasthttp.Response) {
	mixedClient.DoTimeout(req, resp, time.Second)
	mixedClient.Do(req, resp)
}

func timedButReturned(req *fasthttp.Request, resp *fasthttp.Response) *fasthttp.Client {
	c := &fasthttp.Client{} // want `fasthttp.Client has no ReadTimeout`
	c.DoTimeout(req, resp, time.Second)
	return c
}

// Not flagged: clients balanced by an LBClient, whose Do always applies
// its Timeout (1s by default).
func balancer(servers []string) *fasthttp.LBClient {
	lbc := &fasthttp.LBClient{}
	for _, s := range servers {
		hc := &fasthttp.HostClient{Addr: s}
		lbc.Clients = append(lbc.Clients, hc)
	}
	lbc.Clients = append(lbc.Clients, &fasthttp.HostClient{Addr: "users:8080"})
	return &fasthttp.LBClient{Clients: []fasthttp.BalancingClient{&fasthttp.HostClient{Addr: "orders:8080"}}}
}

// Flagged: the same client also used on its own.
func balancedAndDirect(req *fasthttp.Request, resp *fasthttp.Response) *fasthttp.LBClient {
	lbc := &fasthttp.LBClient{}
	hc := &fasthttp.HostClient{Addr: "users:8080"} // want `fasthttp.HostClient has no ReadTimeout`
	lbc.Clients = append(lbc.Clients, hc)
	hc.Do(req, resp)
	return lbc
}
