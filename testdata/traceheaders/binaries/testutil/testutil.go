// Package testutil supports the tests; no binary of the module imports it.
package testutil

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func Dial(target string) *grpc.ClientConn {
	conn, _ := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	return conn
}
