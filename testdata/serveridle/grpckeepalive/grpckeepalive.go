// Package grpckeepalive: gRPC servers close idle connections with GOAWAY,
// which the sidecar handles; their keepalive parameters are not flagged.
package grpckeepalive

import (
	"net/http"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
)

func server() *grpc.Server {
	return grpc.NewServer(grpc.KeepaliveParams(keepalive.ServerParameters{
		MaxConnectionIdle: 30 * time.Second,
		MaxConnectionAge:  time.Minute,
		Time:              10 * time.Second,
		Timeout:           time.Second,
	}))
}

// gateway: the HTTP server in front of the gRPC gateway is judged as any.
func gateway(h http.Handler) *http.Server {
	return &http.Server{Addr: ":8080", Handler: h, ReadTimeout: 10 * time.Second} // want `after 10s \(ReadTimeout`
}
