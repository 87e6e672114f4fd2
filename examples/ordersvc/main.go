// Command ordersvc is a small order service used to demonstrate meshlint:
// it serves an HTTP API, calls the inventory service over HTTP and the
// payments service over gRPC, and exposes health and debug endpoints.
// Some of its code is wrong under an Istio sidecar on purpose; README.md
// at the repository root shows what meshlint reports.
package main

import (
	"log"
	"net"
	"net/http"
	_ "net/http/pprof" // debug endpoints on the private pprof listener
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

func main() {
	inv := newInventoryClient(os.Getenv("INVENTORY_URL"))
	prices := newPricingClient("http://pricing.shop.svc.cluster.local:8080")
	if os.Getenv("PRICING_V1") != "" {
		prices = newPricingClientV1("http://pricing-v1.shop.svc.cluster.local:8080")
	}
	pay, err := newPaymentsClient()
	if err != nil {
		log.Fatal(err)
	}
	defer pay.Close()

	api := &api{inventory: inv, pricing: prices, payments: pay}
	orders := http.NewServeMux()
	orders.HandleFunc("GET /orders/{id}", api.getOrder)
	orders.HandleFunc("POST /orders", api.createOrder)
	orders.HandleFunc("GET /legacy/orders/{id}", api.legacyOrder)

	// Right: the probe endpoint is outside the authenticated API.
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", healthz)
	mux.Handle("/", requireToken(orders))

	// Wrong: the admin server's readiness endpoint is behind requireToken,
	// so the kubelet's readiness probe (no credentials) always gets 401.
	admin := http.NewServeMux()
	admin.HandleFunc("GET /admin/readyz", healthz)
	admin.HandleFunc("POST /admin/reindex", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusAccepted) })
	go func() { log.Println(http.ListenAndServe(":9091", requireToken(admin))) }()

	// pprof on loopback with the default mux: deliberately private, not flagged.
	go func() { log.Println(http.ListenAndServe("localhost:6060", nil)) }()

	// gRPC admin API on all interfaces: fine.
	go serveGRPC(":9090")

	srv := &http.Server{
		Addr:              "127.0.0.1:8080", // wrong: unreachable through the sidecar since Istio 1.10
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}

func healthz(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }

func serveGRPC(addr string) {
	lis, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	s := grpc.NewServer()
	healthpb.RegisterHealthServer(s, health.NewServer())
	log.Fatal(s.Serve(lis))
}
