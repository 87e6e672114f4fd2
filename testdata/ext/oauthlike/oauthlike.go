// Package oauthlike mimics golang.org/x/oauth2: a library function that
// builds an *http.Client meshlint cannot see into from the caller's package.
// It lives outside the analyzed fixture trees.
package oauthlike

import (
	"context"
	"net/http"
)

// TokenSource supplies tokens.
type TokenSource interface{ Token() (string, error) }

type transport struct {
	src  TokenSource
	base http.RoundTripper
}

func (t *transport) RoundTrip(r *http.Request) (*http.Response, error) {
	tok, err := t.src.Token()
	if err != nil {
		return nil, err
	}
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+tok)
	return t.base.RoundTrip(r)
}

// NewClient is shaped like oauth2.NewClient.
func NewClient(ctx context.Context, src TokenSource) *http.Client {
	base, _ := ctx.Value(HTTPClient).(*http.Client)
	if base == nil {
		base = http.DefaultClient
	}
	return &http.Client{Transport: &transport{src: src, base: base.Transport}}
}

type key struct{}

// HTTPClient is the context key for a base client, like oauth2.HTTPClient.
var HTTPClient key
