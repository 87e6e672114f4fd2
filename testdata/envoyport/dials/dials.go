// Package dials calls the sidecar's ports: outbound calls to pilot-agent
// and Envoy's admin are legitimate.
package dials

import (
	"net"
	"net/http"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func calls() {
	http.Get("http://localhost:15020/healthz/ready")
	http.Post("http://127.0.0.1:15000/quitquitquit", "text/plain", nil)
	net.Dial("tcp", "localhost:15000")
	grpc.NewClient("localhost:15012", grpc.WithTransportCredentials(insecure.NewCredentials()))
	req, _ := http.NewRequest("GET", "http://localhost:15090/stats/prometheus", nil)
	_ = req
}
