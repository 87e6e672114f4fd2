// Package backend is a client of the users service.
package backend

import (
	"context"
	"net/http"
	"time"

	"example.com/fixtures/ctxprop/onecall/backend/raw"
)

type Client struct{ base string }

// Users has no context and calls raw.Fetch, which drops it: two calls
// deep, across packages of the module.
func (c *Client) Users() error { // want Users:`drops the context: http.Get without a context at ctxprop/onecall/backend/raw/raw.go:11`
	_, err := raw.Fetch(c.base + "/users")
	return err
}

// Timed builds its own deadline on a fresh context.
func (c *Client) Timed() error { // want Timed:`drops the context: context.Background\(\) \(the parent of the context passed to raw.FetchCtx\) at ctxprop/onecall/backend/backend.go:23`
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, err := raw.FetchCtx(ctx, c.base+"/timed")
	return err
}

// User takes a context and passes it on: callers are fine, unless they
// give it context.Background().
func (c *Client) User(ctx context.Context, id string) error { // want User:`forwards its context: http.NewRequestWithContext at ctxprop/onecall/backend/raw/raw.go:16`
	_, err := raw.FetchCtx(ctx, c.base+"/users/"+id)
	return err
}

// Cached takes a context it never uses for an outbound call.
func (c *Client) Cached(ctx context.Context, id string) string {
	return lookup(id)
}

func lookup(id string) string { return id }

// Pure does no I/O at all.
func Pure(id string) string { return "u-" + id }

// Build returns a request built without a context: the caller attaches
// one (vault's toRetryableHTTP), so Build itself drops nothing.
func (c *Client) Build(path string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	return req, nil
}
