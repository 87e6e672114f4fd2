package main

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// pricingClient calls the pricing service over HTTP.
type pricingClient struct {
	baseURL string
	http    *http.Client
}

// newPricingClientV1 is wrong: no Timeout, and Go's default pool keeps
// only 2 idle connections per host (every mesh service is one host).
func newPricingClientV1(baseURL string) *pricingClient {
	return &pricingClient{baseURL: baseURL, http: &http.Client{Transport: http.DefaultTransport}}
}

// newPricingClient is right: an overall Timeout and a pool sized for the
// sidecar, closing idle connections before the upstream does.
func newPricingClient(baseURL string) *pricingClient {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 100
	t.IdleConnTimeout = 30 * time.Second
	return &pricingClient{baseURL: baseURL, http: &http.Client{Transport: otelhttp.NewTransport(t), Timeout: 10 * time.Second}}
}

func (c *pricingClient) price(ctx context.Context, sku string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/price/"+sku, nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("pricing: %s", resp.Status)
	}
	return nil
}
