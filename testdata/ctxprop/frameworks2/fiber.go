package frameworks2

import (
	"context"
	"net/http"

	fiber2 "github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
)

func (h *H) Fiber2(c *fiber2.Ctx) error {
	req, _ := http.NewRequest(http.MethodGet, "http://users/", nil) // want `use http.NewRequestWithContext\(c.UserContext\(\), \.\.\.\)`
	h.client.Do(req)
	return nil
}

func (h *H) Fiber2Good(c *fiber2.Ctx) error {
	req, _ := http.NewRequestWithContext(c.UserContext(), http.MethodGet, "http://users/", nil)
	h.client.Do(req)
	return nil
}

func (h *H) Fiber3(c fiber3.Ctx) error {
	req, _ := http.NewRequestWithContext(context.TODO(), http.MethodGet, "http://users/", nil) // want `context.TODO\(\) passed to http.NewRequestWithContext inside a request handler .*; pass c.Context\(\)`
	h.client.Do(req)
	return nil
}

func (h *H) Fiber3Good(c fiber3.Ctx) error {
	req, _ := http.NewRequestWithContext(c.Context(), http.MethodGet, "http://users/", nil)
	h.client.Do(req)
	return nil
}
