// Command ordersvc is a small order service used to demonstrate meshlint:
// it serves an HTTP API, calls the inventory service over HTTP and the
// payments service over gRPC, and exposes health and debug endpoints.
// Some of its code is wrong under an Istio sidecar on purpose; README.md
// at the repository root shows what meshlint reports.
package main

import (
	"context"
	"log"
	"net"
	"net/http"
	_ "net/http/pprof" // debug endpoints on the private pprof listener
	"os"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

func main() {
	// Right: a tracer provider and the W3C propagator, so that otelhttp
	// and otelgrpc write traceparent on every instrumented outbound call.
	tp := sdktrace.NewTracerProvider()
	defer tp.Shutdown(context.Background())
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))

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
	orders.HandleFunc("POST /restock", api.restockOrder)
	orders.HandleFunc("POST /v2/restock", api.restockOrderV2)

	// Right: the probe endpoint is outside the authenticated API.
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", healthz)
	mux.Handle("/", requireToken(orders))

	// Wrong: the admin server's readiness endpoint is behind requireToken,
	// so the kubelet's readiness probe (no credentials) always gets 401.
	admin := http.NewServeMux()
	admin.HandleFunc("GET /admin/readyz", healthz)
	admin.HandleFunc("POST /admin/reindex", reindex)
	// Wrong: the admin server closes idle connections after 90s, before
	// the sidecar (1h): a request it sends as one closes fails with 503 UC.
	adminSrv := &http.Server{Addr: ":9091", Handler: requireToken(admin), ReadHeaderTimeout: 5 * time.Second, IdleTimeout: 90 * time.Second}
	go func() { log.Println(adminSrv.ListenAndServe()) }()

	// Wrong: 15090 is Envoy's Prometheus port inside the pod.
	metrics := http.NewServeMux()
	metrics.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {})
	go func() { log.Println(http.ListenAndServe(":15090", metrics)) }()

	// pprof on loopback with the default mux: deliberately private, not flagged.
	go func() { log.Println(http.ListenAndServe("localhost:6060", nil)) }()

	// gRPC admin API on all interfaces: fine.
	go serveGRPC(":9090")

	srv := &http.Server{
		Addr:              "127.0.0.1:8080", // wrong: unreachable through the sidecar since Istio 1.10
		Handler:           otelhttp.NewHandler(mux, "orders"),
		ReadHeaderTimeout: 5 * time.Second,
		IdleTimeout:       2 * time.Hour, // right: longer than the sidecar's 1h
	}
	log.Fatal(srv.ListenAndServe())
}

func healthz(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }

// reindex is wrong: it trusts requests from loopback, and behind the
// sidecar every request comes from 127.0.0.6, so every mesh client gets in.
func reindex(w http.ResponseWriter, r *http.Request) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil || !net.ParseIP(host).IsLoopback() {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func serveGRPC(addr string) {
	lis, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	s := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler()))
	healthpb.RegisterHealthServer(s, health.NewServer())
	log.Fatal(s.Serve(lis))
}
