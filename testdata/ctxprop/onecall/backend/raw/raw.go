// Package raw makes the outbound calls, two calls below the handlers.
package raw

import (
	"context"
	"net/http"
)

// Fetch has no context: it drops its caller's.
func Fetch(url string) (*http.Response, error) { // want Fetch:`drops the context: http.Get without a context at ctxprop/onecall/backend/raw/raw.go:11`
	return http.Get(url)
}

// FetchCtx forwards its context.
func FetchCtx(ctx context.Context, url string) (*http.Response, error) { // want FetchCtx:`forwards its context: http.NewRequestWithContext at ctxprop/onecall/backend/raw/raw.go:16`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}
