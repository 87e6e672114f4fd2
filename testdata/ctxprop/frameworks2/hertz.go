package frameworks2

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app"
)

// A hertz handler: the context is its ctx parameter.
func (h *H) Hertz(ctx context.Context, c *app.RequestContext) {
	req, _ := http.NewRequest(http.MethodGet, "http://users/", nil) // want `use http.NewRequestWithContext\(ctx, \.\.\.\)`
	h.client.Do(req)
	req2, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, "http://users/", nil) // want `inside a request handler .*; pass ctx$`
	h.client.Do(req2)
}

func (h *H) HertzGood(ctx context.Context, c *app.RequestContext) { // want HertzGood:`forwards its context: http.NewRequestWithContext at ctxprop/frameworks2/hertz.go:19`
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://users/", nil)
	h.client.Do(req)
}
