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
	pay, err := newPaymentsClient()
	if err != nil {
		log.Fatal(err)
	}
	defer pay.Close()

	api := &api{inventory: inv, payments: pay}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", api.getOrder)
	mux.HandleFunc("POST /orders", api.createOrder)
	mux.HandleFunc("GET /legacy/orders/{id}", api.legacyOrder)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })

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

func serveGRPC(addr string) {
	lis, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	s := grpc.NewServer()
	healthpb.RegisterHealthServer(s, health.NewServer())
	log.Fatal(s.Serve(lis))
}
