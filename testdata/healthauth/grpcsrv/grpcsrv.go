// Package grpcsrv holds healthauth fixtures for gRPC.
package grpcsrv

import (
	"context"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// authInterceptor is auth by name and body.
func authInterceptor(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md.Get("authorization")) == 0 {
		return nil, status.Error(codes.Unauthenticated, "no token")
	}
	return handler(ctx, req)
}

// checkCaller is auth by behaviour only.
func checkCaller(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if ctx.Value("user") == nil {
		return nil, status.Error(codes.PermissionDenied, "denied")
	}
	return handler(ctx, req)
}

// healthAwareUnary skips the health service by prefix.
func healthAwareUnary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if strings.HasPrefix(info.FullMethod, "/grpc.health.v1.Health/") {
		return handler(ctx, req)
	}
	return authInterceptor(ctx, req, info, handler)
}

// callerCheck skips the health service by its method-name constants.
func callerCheck(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	switch info.FullMethod {
	case healthpb.Health_Check_FullMethodName, healthpb.Health_Watch_FullMethodName:
		return handler(ctx, req)
	}
	return nil, status.Error(codes.Unauthenticated, "no token")
}

func loggingInterceptor(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	return handler(ctx, req)
}

func streamAuth(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	return handler(srv, ss)
}

func unary() {
	s := grpc.NewServer(grpc.UnaryInterceptor(authInterceptor))
	healthpb.RegisterHealthServer(s, health.NewServer()) // want `gRPC health service is behind auth interceptor authInterceptor`
}

func chain() {
	s := grpc.NewServer(grpc.ChainUnaryInterceptor(loggingInterceptor, checkCaller))
	healthpb.RegisterHealthServer(s, health.NewServer()) // want `behind auth interceptor checkCaller`
}

func stream() {
	opts := []grpc.ServerOption{grpc.UnaryInterceptor(loggingInterceptor)}
	opts = append(opts, grpc.ChainStreamInterceptor(streamAuth))
	s := grpc.NewServer(opts...)
	healthpb.RegisterHealthServer(s, health.NewServer()) // want `behind auth interceptor streamAuth`
}

func exempt() {
	s := grpc.NewServer(grpc.UnaryInterceptor(healthAwareUnary))
	healthpb.RegisterHealthServer(s, health.NewServer())
	s2 := grpc.NewServer(grpc.ChainUnaryInterceptor(loggingInterceptor, callerCheck))
	healthpb.RegisterHealthServer(s2, health.NewServer())
}

func noAuth() {
	s := grpc.NewServer(grpc.UnaryInterceptor(loggingInterceptor))
	healthpb.RegisterHealthServer(s, health.NewServer())
	authed := grpc.NewServer(grpc.UnaryInterceptor(authInterceptor))
	_ = authed
	plain := grpc.NewServer()
	healthpb.RegisterHealthServer(plain, health.NewServer())
}

type server struct{ grpc *grpc.Server }

func newServer() *server {
	return &server{grpc: grpc.NewServer(grpc.UnaryInterceptor(authInterceptor))}
}

func (s *server) register() {
	healthpb.RegisterHealthServer(s.grpc, health.NewServer()) // want `behind auth interceptor authInterceptor`
}

func start() {
	s := newServer()
	s.register()
}

// authUnary is an interceptor factory taking an auth function; an auth
// function that lets the health service through exempts it.
func authUnary(fn func(ctx context.Context) error) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if err := fn(ctx); err != nil {
			return nil, err
		}
		return handler(ctx, req)
	}
}

func checkToken(ctx context.Context) error {
	if m, _ := grpc.Method(ctx); strings.HasPrefix(m, "/grpc.health.v1.Health/") {
		return nil
	}
	return status.Error(codes.Unauthenticated, "no token")
}

func verifyAll(ctx context.Context) error { return status.Error(codes.Unauthenticated, "no token") }

func factoryInterceptors() {
	s := grpc.NewServer(grpc.UnaryInterceptor(authUnary(checkToken)))
	healthpb.RegisterHealthServer(s, health.NewServer())
	s2 := grpc.NewServer(grpc.UnaryInterceptor(authUnary(verifyAll)))
	healthpb.RegisterHealthServer(s2, health.NewServer()) // want `behind auth interceptor authUnary`
}

// ChainUnaryServer mimics go-grpc-middleware v1's chain helper.
func ChainUnaryServer(ics ...grpc.UnaryServerInterceptor) grpc.UnaryServerInterceptor {
	return ics[0]
}

func v1Chain() {
	s := grpc.NewServer(grpc.UnaryInterceptor(ChainUnaryServer(loggingInterceptor, authInterceptor)))
	healthpb.RegisterHealthServer(s, health.NewServer()) // want `behind auth interceptor authInterceptor`
}
