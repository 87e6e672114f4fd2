package frameworks

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"
)

func (h *Handlers) EchoUser(c echo.Context) error {
	req, err := http.NewRequest(http.MethodGet, "http://users/"+c.Param("id"), nil) // want `use http.NewRequestWithContext\(c.Request\(\).Context\(\), \.\.\.\)`
	if err != nil {
		return err
	}
	if _, err := h.client.Do(req); err != nil {
		return err
	}
	req2, _ := http.NewRequestWithContext(context.TODO(), "GET", "http://users/", nil) // want `context.TODO\(\) passed to http.NewRequestWithContext inside a request handler .*; pass c.Request\(\).Context\(\)`
	h.client.Do(req2)
	return c.NoContent(http.StatusOK)
}

func (h *Handlers) EchoGood(c echo.Context) error {
	req, _ := http.NewRequestWithContext(c.Request().Context(), "GET", "http://users/", nil)
	_, err := h.client.Do(req)
	return err
}

func (h *Handlers) EchoRoutes(e *echo.Echo) {
	e.GET("/x", func(c echo.Context) error {
		go func() {
			req, _ := http.NewRequestWithContext(context.Background(), "POST", "http://audit/", nil) // want `in a goroutine started inside a request handler .*context.WithoutCancel\(c.Request\(\).Context\(\)\)`
			h.client.Do(req)
		}()
		return nil
	})
}
