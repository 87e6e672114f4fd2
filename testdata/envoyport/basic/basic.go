// Package basic holds net/http, net, gin and echo v4 listeners on sidecar
// ports, and listeners that are fine.
package basic

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

const metricsAddr = ":15090"

type config struct{ Port int }

func servers(ctx context.Context, mux *http.ServeMux) {
	http.ListenAndServe(":15020", mux)                                         // want `server listens on port 15020, which the Istio sidecar uses for pilot-agent's merged Prometheus metrics and the rewritten app health probes: .*; pick another port`
	http.ListenAndServe(metricsAddr, mux)                                      // want `port 15090, which the Istio sidecar uses for Envoy's Prometheus metrics`
	http.ListenAndServeTLS("0.0.0.0:15000", "c.pem", "k.pem", mux)             // want `port 15000, which the Istio sidecar uses for Envoy's admin interface`
	http.ListenAndServe("127.0.0.1:15001", mux)                                // want `port 15001`
	http.ListenAndServe("10.0.0.5:15004", mux)                                 // want `port 15004`
	http.ListenAndServe(net.JoinHostPort("", "15006"), mux)                    // want `port 15006`
	http.ListenAndServe("[::]:15008", mux)                                     // want `port 15008`
	http.ListenAndServe(":"+"15009", mux)                                      // want `port 15009`
	http.ListenAndServe(net.JoinHostPort("0.0.0.0", strconv.Itoa(15021)), mux) // strconv.Itoa: not known
	_ = &http.Server{Addr: ":15021", Handler: mux}                             // want `port 15021, which the Istio sidecar uses for the sidecar's health checks`
	var srv http.Server
	srv.Addr = ":15053"                                 // want `port 15053, which the Istio sidecar uses for the DNS proxy`
	net.Listen("tcp", ":15006")                         // want `port 15006, which the Istio sidecar uses for Envoy's inbound listener`
	(&net.ListenConfig{}).Listen(ctx, "tcp4", ":15001") // want `port 15001`
	port := "15020"
	net.Listen("tcp", "localhost:"+port) // want `port 15020`

	r := gin.New()
	r.Run(":15020")                      // want `port 15020`
	r.RunTLS(":15000", "c.pem", "k.pem") // want `port 15000`
	e := echo.New()
	e.Start(":15090")                      // want `port 15090`
	e.StartTLS(":15021", "c.pem", "k.pem") // want `port 15021`
}

func negatives(ctx context.Context, mux *http.ServeMux, cfg config) {
	http.ListenAndServe(":8080", mux)
	http.ListenAndServe(":15010", mux) // istiod's ports, not the pod's
	http.ListenAndServe(":15012", mux)
	http.ListenAndServe(":15014", mux)
	http.ListenAndServe(":15017", mux)
	http.ListenAndServe(":150200", mux) // not a port
	http.ListenAndServe(":1500", mux)
	http.ListenAndServe(fmt.Sprintf(":%d", cfg.Port), mux)
	http.ListenAndServe(os.Getenv("ADDR"), mux)
	http.ListenAndServe("localhost:"+os.Getenv("PORT"), mux)
	net.Listen("unix", "/var/run/15020.sock")
	net.Listen("unix", ":15020") // a unix socket path, not a port
	_ = &http.Server{Handler: mux}
	addr := ":15020"
	addr = os.Getenv("ADDR")
	http.ListenAndServe(addr, mux) // assigned twice: unknown
}

func suppressed(mux *http.ServeMux) {
	//meshlint:ignore envoyport this binary is the sidecar replacement in our test rig
	http.ListenAndServe(":15000", mux)
}
