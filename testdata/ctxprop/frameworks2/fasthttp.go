package frameworks2

import (
	"net/http"

	"github.com/valyala/fasthttp"
)

// A fasthttp handler is an inbound scope, but its RequestCtx carries no
// trace context: findings, no fix.
func (h *H) Fast(ctx *fasthttp.RequestCtx) {
	http.Get("http://users/")                                       // want `http.Get sends a request without a context`
	req, _ := http.NewRequest(http.MethodGet, "http://users/", nil) // want `use http.NewRequestWithContext\(ctx, \.\.\.\)`
	h.client.Do(req)
}
