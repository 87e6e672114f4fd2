package main

import (
	"context"
	"encoding/json"
	"log"
	"net/http"

	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

type api struct {
	inventory *inventoryClient
	pricing   *pricingClient
	payments  *grpc.ClientConn
}

// getOrder is right: every outbound call gets the request's context.
func (a *api) getOrder(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if _, err := healthpb.NewHealthClient(a.payments).Check(ctx, &healthpb.HealthCheckRequest{Service: "payments"}); err != nil {
		http.Error(w, "payments unavailable", http.StatusServiceUnavailable)
		return
	}
	if err := a.pricing.price(ctx, r.PathValue("id")); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	s, err := a.inventory.stock(ctx, r.PathValue("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(s)
}

// createOrder is wrong: the gRPC stub and the audit goroutine get
// context.Background(), so the trace breaks and the deadline is lost
// (meshlint -fix passes r.Context(), and context.WithoutCancel(r.Context())
// to the goroutine, which outlives the request).
func (a *api) createOrder(w http.ResponseWriter, r *http.Request) {
	health := healthpb.NewHealthClient(a.payments)
	if _, err := health.Check(context.Background(), &healthpb.HealthCheckRequest{Service: "payments"}); err != nil {
		http.Error(w, "payments unavailable", http.StatusServiceUnavailable)
		return
	}
	if _, err := a.inventory.reserve(r.Context(), r.FormValue("sku")); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	go func() {
		if _, err := health.Check(context.Background(), &healthpb.HealthCheckRequest{Service: "audit"}); err != nil {
			log.Printf("audit: %v", err)
		}
	}()
	w.WriteHeader(http.StatusCreated)
}

// legacyOrder serves the old stock endpoint.
func (a *api) legacyOrder(w http.ResponseWriter, r *http.Request) {
	s, err := a.inventory.legacyStock(r.Context(), r.PathValue("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(s)
}

// restockOrder is wrong one call away: restock has no ctx parameter and
// starts from context.Background() (meshlint names restock and the line).
func (a *api) restockOrder(w http.ResponseWriter, r *http.Request) {
	s, err := a.inventory.restock(r.FormValue("sku"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(s)
}

// restockOrderV2 is the fix: the request's context goes down to the call.
func (a *api) restockOrderV2(w http.ResponseWriter, r *http.Request) {
	s, err := a.inventory.restockCtx(r.Context(), r.FormValue("sku"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	if err := notifyRestock(r.Context(), s.SKU); err != nil {
		log.Printf("notify: %v", err)
	}
	json.NewEncoder(w).Encode(s)
}
