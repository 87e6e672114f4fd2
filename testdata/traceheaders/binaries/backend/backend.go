// Package backend is part of the svc binary (cmd/svc imports it), which
// instruments its inbound side: rule 2 applies.
package backend

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func Dial(target string) (*grpc.ClientConn, error) {
	return grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `grpc.NewClient without otelgrpc`
}
