package nethttp

import (
	"context"
	"net/http"
)

// A client-side *http.Request parameter is an inbound scope too: the
// request's context is the caller's, and a request built with Background
// here loses it (decision documented in doc.go).
type tokenTransport struct {
	base http.RoundTripper
}

func (t *tokenTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	tok, err := http.NewRequestWithContext(context.Background(), "POST", "http://auth/token", nil) // want `inside a function that receives an \*http.Request drops the inbound context: .*; pass req.Context\(\)`
	if err != nil {
		return nil, err
	}
	if _, err := t.base.RoundTrip(tok); err != nil {
		return nil, err
	}
	return t.base.RoundTrip(req)
}

// Not flagged: the caller's context is used.
type goodTransport struct{ base http.RoundTripper }

func (t *goodTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	tok, _ := http.NewRequestWithContext(req.Context(), "POST", "http://auth/token", nil)
	t.base.RoundTrip(tok)
	return t.base.RoundTrip(req)
}

var client = &http.Client{
	CheckRedirect: func(req *http.Request, via []*http.Request) error {
		_ = req.Clone(context.Background()) // want `\(\*http.Request\).Clone inside a function that receives an \*http.Request`
		return nil
	},
}
