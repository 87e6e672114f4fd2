package restyclient

import (
	"net"
	"time"

	restyv2 "github.com/go-resty/resty/v2"
	"resty.dev/v3"
)

type Config struct{ Timeout time.Duration }

type API struct {
	http *restyv2.Client
}

// Flagged: never given SetTimeout.
func bare() *restyv2.Client {
	return restyv2.New() // want `^resty client has no timeout: a stalled upstream behind the sidecar holds the request forever; call SetTimeout on it \(5-10s is typical, e.g. client.SetTimeout\(10 \* time.Second\)\)$`
}

func chained() *restyv2.Client {
	return restyv2.New().SetRetryCount(3).SetBaseURL("http://users") // want `resty client has no timeout`
}

func usedInPlace(url string) {
	restyv2.New().R().Get(url) // want `resty client has no timeout`
}

func otherVariable(cfg Config) *restyv2.Client {
	c := restyv2.New() // want `resty client has no timeout`
	other := restyv2.New().SetTimeout(cfg.Timeout)
	_ = other
	return c
}

func localAddr(addr net.Addr) *restyv2.Client {
	return restyv2.NewWithLocalAddr(addr) // want `resty client has no timeout`
}

func v3Bare() *resty.Client {
	c := resty.New() // want `resty client has no timeout`
	c.SetBaseURL("http://users")
	return c
}

func v3Settings() *resty.Client {
	return resty.NewWithTransportSettings(&resty.TransportSettings{ResponseHeaderTimeout: time.Second}) // want `resty client has no timeout`
}

var pkgBare = restyv2.New() // want `resty client has no timeout`

// Not flagged: SetTimeout on the chain, later on the same variable, in
// init for a package-level client, in a same-package helper, or the
// client's *http.Client handed out.
func onChain(cfg Config) *restyv2.Client {
	return restyv2.New().SetBaseURL("http://users").SetTimeout(cfg.Timeout)
}

func later() *restyv2.Client {
	c := restyv2.New()
	c.SetRetryCount(2)
	c.SetTimeout(10 * time.Second)
	return c
}

func laterV3() *resty.Client {
	c := resty.New().SetBaseURL("http://users")
	c.SetTimeout(5 * time.Second)
	return c
}

func inStruct(d time.Duration) *API {
	a := &API{http: restyv2.New()}
	a.http.SetTimeout(d)
	return a
}

func configure(c *restyv2.Client) { c.SetTimeout(5 * time.Second) }

func viaHelper() *restyv2.Client {
	c := restyv2.New()
	configure(c)
	return c
}

func httpClient(d time.Duration) *restyv2.Client {
	c := restyv2.New()
	c.GetClient().Timeout = d
	return c
}

var pkgClient = restyv2.New()

var pkgClientV3 = resty.New().SetBaseURL("http://users")

func init() {
	pkgClient.SetTimeout(10 * time.Second)
	pkgClientV3.SetTimeout(10 * time.Second)
}

// A client built around your own *http.Client takes its Timeout (judged
// where that client is built).
func withClient(d time.Duration) *restyv2.Client {
	return restyv2.NewWithClient(nil).SetTimeout(d)
}
