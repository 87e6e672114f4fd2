package main

import (
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// newPaymentsClient connects to the payments service. The sidecar provides
// mTLS, so the application dials in plain text, by service name.
func newPaymentsClient() (*grpc.ClientConn, error) {
	return grpc.NewClient("dns:///payments.shop.svc.cluster.local:50051",
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
}

// newFraudClient dials the fraud scorer by Pod IP: wrong.
func newFraudClient() (*grpc.ClientConn, error) {
	return grpc.NewClient("10.12.0.9:50051",
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
}
