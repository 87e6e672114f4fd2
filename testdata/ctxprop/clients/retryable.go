package clients

import (
	"context"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

type R struct{ c *retryablehttp.Client }

func (x *R) Users(w http.ResponseWriter, r *http.Request) {
	req, _ := retryablehttp.NewRequest(http.MethodGet, "http://users/", nil) // want `retryablehttp.NewRequest drops the caller's context: .*; use retryablehttp.NewRequestWithContext\(r.Context\(\), \.\.\.\)`
	x.c.Do(req)
	retryablehttp.Get("http://users/")                                                                         // want `retryablehttp.Get sends a request without a context: .*; build it with retryablehttp.NewRequestWithContext\(r.Context\(\), \.\.\.\)`
	x.c.Post("http://users/", "text/plain", nil)                                                               // want `\(\*retryablehttp.Client\).Post sends a request without a context`
	req2, _ := retryablehttp.NewRequestWithContext(context.Background(), http.MethodGet, "http://users/", nil) // want `context.Background\(\) passed to retryablehttp.NewRequestWithContext inside a request handler`
	x.c.Do(req2)
}

// Not flagged: the context is attached later, or given.
func (x *R) Good(w http.ResponseWriter, r *http.Request) {
	req, _ := retryablehttp.NewRequest(http.MethodGet, "http://users/", nil)
	x.c.Do(req.WithContext(r.Context()))
	req2, _ := retryablehttp.NewRequestWithContext(r.Context(), http.MethodGet, "http://users/", nil)
	x.c.Do(req2)
}
