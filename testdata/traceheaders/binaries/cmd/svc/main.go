package main

import (
	"net/http"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/binaries/backend"
	"example.com/binaries/server"
)

func main() {
	backend.Dial("users:9090")
	grpc.NewClient("orders:9090", grpc.WithTransportCredentials(insecure.NewCredentials())) // want `grpc.NewClient without otelgrpc`
	http.ListenAndServe(":8080", server.Handler(http.NotFoundHandler()))
}
