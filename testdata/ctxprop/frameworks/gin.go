package frameworks

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"
)

type Handlers struct {
	client *http.Client
}

func (h *Handlers) GinUser(c *gin.Context) {
	req, _ := http.NewRequest("GET", "http://users/"+c.Param("id"), nil) // want `use http.NewRequestWithContext\(c.Request.Context\(\), \.\.\.\)`
	h.client.Do(req)
	req2, _ := http.NewRequestWithContext(context.Background(), "GET", "http://users/", nil) // want `context.Background\(\) passed to http.NewRequestWithContext inside a request handler .*; pass c.Request.Context\(\)`
	h.client.Do(req2)
	go func() {
		req, _ := http.NewRequestWithContext(context.TODO(), "POST", "http://audit/", nil) // want `pass context.WithoutCancel\(c.Request.Context\(\)\)`
		h.client.Do(req)
	}()
	c.Status(http.StatusOK)
}

// Not flagged: the request's context is used.
func (h *Handlers) GinGood(c *gin.Context) {
	req, _ := http.NewRequestWithContext(c.Request.Context(), "GET", "http://users/", nil)
	h.client.Do(req)
}

func (h *Handlers) Register(r *gin.Engine) { // want Register:`drops the context: context.Background\(\) passed to http.NewRequestWithContext at ctxprop/frameworks/gin.go:38`
	r.GET("/inline", func(c *gin.Context) {
		req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://users/", nil) // want `pass c.Request.Context\(\)`
		h.client.Do(req)
	})
	// Not flagged: Register has no inbound context.
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://users/", nil)
	_ = req
}
