// Package server uses middleware from authmw.
package server

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"google.golang.org/grpc"
	health2 "google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	"example.com/fixtures/healthauth/crosspkg/authmw"
)

func health(w http.ResponseWriter, r *http.Request) {}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", health) // want `health route "/healthz" is behind auth middleware authmw.Check`
	http.ListenAndServe(":8080", authmw.Trace(authmw.Check(mux)))
}

func factory() {
	mux := http.NewServeMux()
	mux.Handle("/readyz", authmw.Gate("api")(http.HandlerFunc(health))) // want `behind auth middleware authmw.Gate`
	mux.Handle("/livez", authmw.Trace(http.HandlerFunc(health)))
	mux.Handle("/health", authmw.RequireToken(http.HandlerFunc(health)))
}

func ginFactory() {
	r := gin.New()
	r.Use(authmw.Session())
	r.GET("/ping", func(c *gin.Context) {}) // want `behind auth middleware authmw.Session`
}

func sameFileHelpers() {
	mux := http.NewServeMux()
	mux.Handle("/healthz", authmw.Bouncer(http.HandlerFunc(health)))                  // want `behind auth middleware authmw.Bouncer`
	mux.Handle("/readyz", authmw.Screen(health))                                      // want `behind auth middleware authmw.Screen`
	mux.Handle("/livez", authmw.TokenCheck(http.HandlerFunc(health)))                 // exempts its skip list
	mux.Handle("/health", authmw.Count(http.HandlerFunc(health)))                     // "401" is only a header value
	mux.Handle("/ready", authmw.Refuse(http.HandlerFunc(health)))                     // want `behind auth middleware authmw.Refuse`
	mux.Handle("/healthy", authmw.Realm(http.HandlerFunc(health)))                    // want `behind auth middleware authmw.Realm`
	mux.Handle("/live", authmw.Door(http.HandlerFunc(health)))                        // want `behind auth middleware authmw.Door`
	mux.Handle("/readiness", authmw.SessionAuth(http.HandlerFunc(health)))            // exempts readyPath (another file)
	mux.Handle("/ping", authmw.Gen(http.HandlerFunc(health)))                         // generated: not judged
	mux.Handle("/status/ready", authmw.Trace(authmw.Trace(http.HandlerFunc(health)))) // no auth
}

func method(k *authmw.Keeper) {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", health) // want `behind auth middleware k.Wrap`
	http.ListenAndServe(":8080", k.Wrap(mux))
}

func grpcServer() {
	s := grpc.NewServer(grpc.UnaryInterceptor(authmw.Vet))
	healthpb.RegisterHealthServer(s, health2.NewServer()) // want `gRPC health service is behind auth interceptor authmw.Vet`
}
