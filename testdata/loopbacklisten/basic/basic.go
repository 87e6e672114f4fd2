package basic

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"

	"google.golang.org/grpc"
)

type config struct{ Port int }

const listenAddr = "127.0.0.1:8080"

func servers(ctx context.Context, mux *http.ServeMux, cfg config) {
	http.ListenAndServe("127.0.0.1:8080", mux)                      // want `server listens on loopback address "127.0.0.1:8080" only: since Istio 1.10 the sidecar forwards inbound traffic to the pod IP`
	http.ListenAndServe(listenAddr, mux)                            // want `"127.0.0.1:8080"`
	http.ListenAndServeTLS("localhost:8443", "c.pem", "k.pem", mux) // want `"localhost:8443"`
	http.ListenAndServe(fmt.Sprintf("localhost:%d", cfg.Port), mux) // want `"localhost:…"`
	http.ListenAndServe("127.0.0.1:"+strconv.Itoa(cfg.Port), mux)   // want `"127.0.0.1:…"`
	http.ListenAndServe(net.JoinHostPort("::1", "8080"), mux)       // want `"\[::1\]:8080"`
	http.ListenAndServe("127.1.2.3:8080", nil)                      // want `127.1.2.3`

	srv := &http.Server{Addr: "localhost:8080", Handler: mux} // want `"localhost:8080"`
	_ = srv
	srv2 := http.Server{Handler: mux}
	srv2.Addr = "127.0.0.1:9090" // want `"127.0.0.1:9090"`

	lis, _ := net.Listen("tcp", "127.0.0.1:50051") // want `"127.0.0.1:50051"`
	grpc.NewServer().Serve(lis)
	net.Listen("tcp4", "localhost:50052") // want `localhost:50052`
	net.Listen("tcp6", "[::1]:50053")     // want `\[::1\]:50053`
	var lc net.ListenConfig
	lc.Listen(ctx, "tcp", "127.0.0.1:9000")                    // want `"127.0.0.1:9000"`
	(&net.ListenConfig{}).Listen(ctx, "tcp", "localhost:9001") // want `localhost:9001`
}

func negatives(ctx context.Context, mux *http.ServeMux, cfg config) {
	http.ListenAndServe(":8080", mux)
	http.ListenAndServe("0.0.0.0:8080", mux)
	http.ListenAndServe("[::]:8080", mux)
	http.ListenAndServe(fmt.Sprintf(":%d", cfg.Port), mux)
	http.ListenAndServe(os.Getenv("LISTEN_ADDR"), mux)
	http.ListenAndServe("10.0.0.5:8080", mux) // pod IP: reachable (and hardcodedip's business only when dialling)
	_ = &http.Server{Addr: ":8080", Handler: mux}
	_ = &http.Server{Handler: mux}
	net.Listen("unix", "/tmp/app.sock")
	net.Listen("tcp", "127.0.0.1:0") // ephemeral port: a test or helper listener
	var lc net.ListenConfig
	lc.Listen(ctx, "tcp", ":9000")
	net.Dial("tcp", "localhost:6379") // a dial, not a listener

	addr := "localhost:8080"
	addr = os.Getenv("ADDR")
	http.ListenAndServe(addr, mux) // assigned twice: unknown
}

func suppressed(mux *http.ServeMux) {
	//meshlint:ignore loopbacklisten admin port reached through kubectl port-forward only
	http.ListenAndServe("127.0.0.1:9999", mux)
}
