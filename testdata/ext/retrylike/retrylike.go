// Package retrylike mimics github.com/hashicorp/go-retryablehttp: a wrapper
// holding an *http.Client in a struct field. It lives outside the analyzed
// fixture trees.
package retrylike

import (
	"net/http"
	"time"
)

// Client is shaped like retryablehttp.Client.
type Client struct {
	HTTPClient *http.Client
	RetryMax   int
}

// NewClient is shaped like retryablehttp.NewClient.
func NewClient() *Client {
	return &Client{HTTPClient: &http.Client{Timeout: 30 * time.Second}, RetryMax: 4}
}

// StandardClient is shaped like (*retryablehttp.Client).StandardClient.
func (c *Client) StandardClient() *http.Client {
	return &http.Client{Transport: &roundTripper{c}}
}

type roundTripper struct{ c *Client }

func (rt *roundTripper) RoundTrip(r *http.Request) (*http.Response, error) {
	return rt.c.HTTPClient.Do(r)
}
