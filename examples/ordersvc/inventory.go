package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// inventoryClient calls the inventory service over HTTP.
type inventoryClient struct {
	baseURL string
	http    *http.Client
}

// legacyStockURL points at the old stock service by Pod IP: wrong, the
// sidecar applies no routing or mTLS policy to it and the IP changes.
const legacyStockURL = "http://10.12.0.7:8080"

func newInventoryClient(baseURL string) *inventoryClient {
	if baseURL == "" {
		baseURL = "http://inventory.shop.svc.cluster.local:8080" // right: the service name
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 100
	t.IdleConnTimeout = 30 * time.Second
	return &inventoryClient{baseURL: baseURL, http: &http.Client{Timeout: 5 * time.Second, Transport: otelhttp.NewTransport(t)}}
}

type stock struct {
	SKU       string `json:"sku"`
	Available int    `json:"available"`
}

// stock is right: the request carries the caller's context, so the trace
// continues and the caller's deadline applies.
func (c *inventoryClient) stock(ctx context.Context, sku string) (*stock, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/stock/"+sku, nil)
	if err != nil {
		return nil, err
	}
	return c.decode(req)
}

// reserve is wrong: http.NewRequest drops ctx (meshlint -fix rewrites it).
func (c *inventoryClient) reserve(ctx context.Context, sku string) (*stock, error) {
	req, err := http.NewRequest(http.MethodPost, c.baseURL+"/reserve/"+sku, nil)
	if err != nil {
		return nil, err
	}
	return c.decode(req)
}

// legacyStock is wrong: it calls the old stock service by Pod IP.
func (c *inventoryClient) legacyStock(ctx context.Context, sku string) (*stock, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, legacyStockURL+"/stock/"+sku, nil)
	if err != nil {
		return nil, err
	}
	return c.decode(req)
}

// restock is wrong: it has no ctx parameter and gives its request a
// deadline on a fresh context, so the handler that calls it (restockOrder)
// loses its trace and deadline one call away.
func (c *inventoryClient) restock(sku string) (*stock, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/restock/"+sku, nil)
	if err != nil {
		return nil, err
	}
	return c.decode(req)
}

// restockCtx is restock fixed: the caller's context comes in, and the
// deadline is derived from it.
func (c *inventoryClient) restockCtx(ctx context.Context, sku string) (*stock, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/restock/"+sku, nil)
	if err != nil {
		return nil, err
	}
	return c.decode(req)
}

func (c *inventoryClient) decode(req *http.Request) (*stock, error) {
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("inventory: %s", resp.Status)
	}
	var s stock
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		return nil, fmt.Errorf("decoding stock: %w", err)
	}
	return &s, nil
}
