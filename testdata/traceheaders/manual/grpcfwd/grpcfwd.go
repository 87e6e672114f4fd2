// Package grpcfwd forwards x-request-id into outgoing gRPC metadata.
package grpcfwd

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

func requestID(ctx context.Context) string {
	if md, ok := metadata.FromIncomingContext(ctx); ok {
		if v := md.Get("x-request-id"); len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

// Unary is a client interceptor.
func Unary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	ctx = metadata.AppendToOutgoingContext(ctx, "x-request-id", requestID(ctx)) // want `x-request-id is forwarded by hand`
	return invoker(ctx, method, req, reply, cc, opts...)
}

func Pairs(ctx context.Context) context.Context {
	md := metadata.Pairs("x-request-id", requestID(ctx)) // want `x-request-id is forwarded by hand`
	return metadata.NewOutgoingContext(ctx, md)
}

func New(ctx context.Context) context.Context {
	return metadata.NewOutgoingContext(ctx, metadata.New(map[string]string{"x-request-id": requestID(ctx)})) // want `x-request-id is forwarded by hand`
}

func Set(ctx context.Context) context.Context {
	md := metadata.MD{}
	md.Set("x-request-id", requestID(ctx)) // want `x-request-id is forwarded by hand`
	return metadata.NewOutgoingContext(ctx, md)
}

// Both forwards the trace context too.
func Both(ctx context.Context) context.Context {
	in, _ := metadata.FromIncomingContext(ctx)
	return metadata.AppendToOutgoingContext(ctx, "x-request-id", requestID(ctx), "traceparent", first(in.Get("traceparent")))
}

// Header sends the id back to the caller: response metadata.
func Header(ctx context.Context) {
	grpc.SetHeader(ctx, metadata.Pairs("x-request-id", requestID(ctx)))
}

// Incoming builds incoming metadata (a test double): not outgoing.
func Incoming(ctx context.Context) context.Context {
	return metadata.NewIncomingContext(ctx, metadata.Pairs("x-request-id", requestID(ctx)))
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

// Wholesale forwards every incoming key (the trace headers among them).
func Wholesale(ctx context.Context) context.Context {
	md, _ := metadata.FromIncomingContext(ctx)
	md = md.Copy()
	md.Set("x-request-id", requestID(ctx))
	return metadata.NewOutgoingContext(ctx, md)
}
