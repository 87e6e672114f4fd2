// Package dial dials gRPC backends in a module whose inbound side is
// instrumented: rule 2's dial bullet (dials usually happen at start-up,
// outside inbound scopes, and are judged wherever they are).
package dial

import (
	"context"
	"testing"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
)

var creds = grpc.WithTransportCredentials(insecure.NewCredentials())

func Plain(target string) (*grpc.ClientConn, error) {
	return grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `grpc.NewClient without otelgrpc although the module instruments its inbound side: calls on this connection carry no traceparent, so the sidecar cannot join them to the inbound trace; add grpc.WithStatsHandler\(otelgrpc.NewClientHandler\(\)\)`
}

func Traced(target string) (*grpc.ClientConn, error) {
	return grpc.NewClient(target, creds, grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
}

func Legacy(ctx context.Context, target string) {
	grpc.Dial(target, creds)                               // want `grpc.Dial without otelgrpc`
	grpc.DialContext(ctx, target, creds, grpc.WithBlock()) // want `grpc.DialContext without otelgrpc`
	grpc.DialContext(ctx, target, grpc.WithStatsHandler(otelgrpc.NewClientHandler()), creds)
}

func Slices(target string) {
	opts := []grpc.DialOption{creds}
	opts = append(opts, grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
	grpc.NewClient(target, opts...) // the slice holds otelgrpc

	plainOpts := []grpc.DialOption{creds}
	plainOpts = append(plainOpts, grpc.WithUserAgent("svc"))
	grpc.NewClient(target, plainOpts...) // want `grpc.NewClient without otelgrpc`

	var built []grpc.DialOption
	built = append(built, optionFromElsewhere())
	grpc.NewClient(target, built...) // an option the analysis cannot see
}

// With is given its options: not judged.
func With(target string, opts ...grpc.DialOption) {
	grpc.NewClient(target, opts...)
	grpc.NewClient(target, append(opts, creds)...)
}

func optionFromElsewhere() grpc.DialOption { return grpc.WithStatsHandler(otelgrpc.NewClientHandler()) }

func Interceptors(target string) {
	grpc.NewClient(target, creds, grpc.WithUnaryInterceptor(propagate))     // the module's interceptor copies traceparent
	grpc.NewClient(target, creds, grpc.WithChainUnaryInterceptor(logCalls)) // want `grpc.NewClient without otelgrpc`
	grpc.NewClient(target, creds, grpc.WithChainUnaryInterceptor(logCalls, propagate))
	grpc.NewClient(target, creds, grpc.WithUnaryInterceptor(func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error { // want `grpc.NewClient without otelgrpc`
		return invoker(ctx, method, req, reply, cc, opts...)
	}))
	grpc.NewClient(target, creds, grpc.WithStatsHandler(custom{})) // a stats handler of its own: not judged
}

func propagate(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	if md, ok := metadata.FromIncomingContext(ctx); ok {
		ctx = metadata.AppendToOutgoingContext(ctx, "traceparent", first(md.Get("traceparent")))
	}
	return invoker(ctx, method, req, reply, cc, opts...)
}

func logCalls(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	println(method)
	return invoker(ctx, method, req, reply, cc, opts...)
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

// DialForTest is a test helper outside a _test.go file: test code.
func DialForTest(t testing.TB, target string) *grpc.ClientConn {
	conn, err := grpc.NewClient(target, creds)
	if err != nil {
		t.Fatal(err)
	}
	return conn
}
