// Package frameworks2 holds the inbound scopes of echo v5, fiber v2/v3,
// hertz and fasthttp.
package frameworks2

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v5"
)

type H struct{ client *http.Client }

func (h *H) Echo5(c *echo.Context) error {
	req, _ := http.NewRequest(http.MethodGet, "http://users/", nil) // want `use http.NewRequestWithContext\(c.Request\(\).Context\(\), \.\.\.\)`
	h.client.Do(req)
	req2, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, "http://users/", nil) // want `inside a request handler .*; pass c.Request\(\).Context\(\)`
	h.client.Do(req2)
	return nil
}

func (h *H) Echo5Good(c *echo.Context) error {
	req, _ := http.NewRequestWithContext(c.Request().Context(), http.MethodGet, "http://users/", nil)
	h.client.Do(req)
	return nil
}
