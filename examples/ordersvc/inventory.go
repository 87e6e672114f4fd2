package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
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
	return &inventoryClient{baseURL: baseURL, http: &http.Client{Timeout: 5 * time.Second}}
}

type stock struct {
	SKU       string `json:"sku"`
	Available int    `json:"available"`
}

func (c *inventoryClient) legacyStock(sku string) (*stock, error) {
	resp, err := c.http.Get(legacyStockURL + "/stock/" + sku)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var s stock
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		return nil, fmt.Errorf("decoding stock: %w", err)
	}
	return &s, nil
}
