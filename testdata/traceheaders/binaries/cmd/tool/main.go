// Command tool is a CLI of the same module: it serves nothing, so the
// service's inbound instrumentation says nothing about its calls.
package main

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	grpc.NewClient("users:9090", grpc.WithTransportCredentials(insecure.NewCredentials()))
}
