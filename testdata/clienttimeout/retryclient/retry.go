package retryclient

import (
	"net/http"
	"net/url"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

type Config struct{ Timeout time.Duration }

type Svc struct{ rc *retryablehttp.Client }

// Flagged: NewClient's HTTPClient (cleanhttp.DefaultPooledClient) has no
// Timeout, and the package-level functions use such a client.
func bare() *retryablehttp.Client {
	rc := retryablehttp.NewClient() // want `^retryablehttp.NewClient's HTTPClient has no Timeout: a stalled upstream behind the sidecar holds the request forever \(each attempt can hang\); set it \(e.g. c.HTTPClient.Timeout = 10 \* time.Second\)$`
	rc.RetryMax = 3
	rc.HTTPClient.Transport = http.DefaultTransport
	return rc
}

func inStruct() *Svc {
	return &Svc{rc: retryablehttp.NewClient()} // want `retryablehttp.NewClient's HTTPClient has no Timeout`
}

func pkgFuncs(u string, form url.Values) {
	retryablehttp.Get(u)                           // want `^retryablehttp.Get uses retryablehttp's default client, whose HTTPClient has no Timeout: .*; use your own retryablehttp.NewClient\(\) with HTTPClient.Timeout set and call its Get method$`
	retryablehttp.Head(u)                          // want `retryablehttp.Head uses retryablehttp's default client`
	retryablehttp.Post(u, "application/json", nil) // want `retryablehttp.Post uses retryablehttp's default client`
	retryablehttp.PostForm(u, form)                // want `retryablehttp.PostForm uses retryablehttp's default client`
}

// Not flagged: HTTPClient.Timeout set later (or in init), or HTTPClient
// replaced by a client judged where it is built.
func withTimeout(cfg Config) *retryablehttp.Client {
	rc := retryablehttp.NewClient()
	rc.HTTPClient.Timeout = cfg.Timeout
	return rc
}

func replaced() *retryablehttp.Client {
	rc := retryablehttp.NewClient()
	rc.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	return rc
}

func replacedBare() *retryablehttp.Client {
	rc := retryablehttp.NewClient()
	rc.HTTPClient = &http.Client{} // want `http.Client has no Timeout`
	return rc
}

func (s *Svc) init(d time.Duration) {
	s.rc = retryablehttp.NewClient()
	s.rc.HTTPClient.Timeout = d
}

func methods(rc *retryablehttp.Client, u string) {
	rc.Get(u) // a client of your own: judged where it is built
}

var pkgClient = retryablehttp.NewClient()

func init() { pkgClient.HTTPClient.Timeout = 10 * time.Second }
