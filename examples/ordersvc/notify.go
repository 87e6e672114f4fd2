package main

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// notifyClient is wrong for tracing: it has a timeout and a pool sized for
// the sidecar, but no otelhttp transport, so the request it sends carries
// no traceparent and the notified service starts a trace of its own
// (meshlint suggests Transport: otelhttp.NewTransport(...)).
var notifyClient = &http.Client{
	Timeout:   5 * time.Second,
	Transport: &http.Transport{MaxIdleConnsPerHost: 100, IdleConnTimeout: 30 * time.Second},
}

// notifyRestock tells the notification service that sku was restocked.
func notifyRestock(ctx context.Context, sku string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://notify.shop.svc.cluster.local/restock/"+sku, nil)
	if err != nil {
		return err
	}
	resp, err := notifyClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		return fmt.Errorf("notify: %s", resp.Status)
	}
	return nil
}
