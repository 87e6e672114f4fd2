// Package shared: closures run once for many callers are not inbound
// scopes (SPEC ctxprop): no one caller's context belongs there.
package shared

import (
	"context"
	"net/http"
	"sync"

	"golang.org/x/sync/singleflight"
)

type Cache struct {
	group  singleflight.Group
	once   sync.Once
	client *http.Client
	token  string
}

func (c *Cache) User(w http.ResponseWriter, r *http.Request) {
	v, _, _ := c.group.Do("users", func() (any, error) {
		return http.Get("http://users/all") // shared across requests: not flagged
	})
	_ = v
	ch := c.group.DoChan("roles", func() (any, error) {
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, "http://roles/", nil)
		return c.client.Do(req)
	})
	<-ch
	c.once.Do(func() {
		req, _ := http.NewRequest(http.MethodPost, "http://auth/token", nil)
		c.client.Do(req)
	})
	// The handler itself is still an inbound scope.
	http.Get("http://users/me") // want `http.Get sends a request without a context`
}

// A closure inside the shared one that has its own inbound parameter is
// an inbound scope again.
func (c *Cache) Nested(w http.ResponseWriter, r *http.Request) {
	c.group.Do("k", func() (any, error) {
		h := func(w http.ResponseWriter, r *http.Request) {
			http.Get("http://x/") // want `http.Get sends a request without a context`
		}
		_ = h
		return nil, nil
	})
}
