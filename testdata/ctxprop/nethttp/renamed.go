package nethttp

import (
	stdctx "context"
	nethttp "net/http"
)

type Req = nethttp.Request

// Renamed imports and aliases: matching is by types object, and the fix
// keeps the user's qualifiers.
func renamed(w nethttp.ResponseWriter, r *Req) {
	nethttp.NewRequest("GET", "http://x/", nil) // want `use http.NewRequestWithContext\(r.Context\(\), \.\.\.\)`

	nethttp.Get("http://x/") // want `http.Get sends a request without a context`

	req, _ := nethttp.NewRequestWithContext(stdctx.Background(), "GET", "http://x/", nil) // want `context.Background\(\) passed to http.NewRequestWithContext inside a request handler`

	go func() {
		_ = req.WithContext(stdctx.TODO()) // want `pass context.WithoutCancel\(r.Context\(\)\)`
	}()
}

func keep(ctx stdctx.Context) {}
