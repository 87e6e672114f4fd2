// Package grpcpeer holds gRPC interceptors that decide on the peer address.
package grpcpeer

import (
	"context"
	"log"
	"net"
	"net/netip"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"
)

// Only local callers may call admin methods: the sidecar is local.
func localOnly(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	p, ok := peer.FromContext(ctx)
	if !ok {
		return nil, status.Error(codes.PermissionDenied, "no peer")
	}
	if tcp, ok := p.Addr.(*net.TCPAddr); ok && tcp.IP.IsLoopback() { // want `loopback check on the peer address`
		return handler(ctx, req)
	}
	return nil, status.Error(codes.PermissionDenied, "admin methods are local only")
}

func byString(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	p, _ := peer.FromContext(ctx)
	host, _, err := net.SplitHostPort(p.Addr.String())
	if err != nil {
		return nil, err
	}
	if host != "127.0.0.1" && host != "::1" { // want `loopback check`
		return nil, status.Error(codes.PermissionDenied, "local only")
	}
	return handler(ctx, req)
}

var allowed = map[string]bool{"10.1.2.3": true}

func allowList(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if p, ok := peer.FromContext(ctx); ok {
		addr, err := netip.ParseAddrPort(p.Addr.String())
		if err == nil && !allowed[addr.Addr().String()] { // want `IP allow-list`
			return nil, status.Error(codes.PermissionDenied, "not allowed")
		}
	}
	return handler(ctx, req)
}

func typeSwitch(ctx context.Context) bool {
	p, ok := peer.FromContext(ctx)
	if !ok {
		return false
	}
	switch a := p.Addr.(type) {
	case *net.TCPAddr:
		return a.IP.IsPrivate() // want `private-network check`
	case *net.UnixAddr:
		return true
	}
	return false
}

func streamLocal(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	p, _ := peer.FromContext(ss.Context())
	if !strings.HasPrefix(p.Addr.String(), "127.") { // want `loopback check`
		return status.Error(codes.PermissionDenied, "local only")
	}
	return handler(srv, ss)
}

// Silent: logged, metadata (x-forwarded-for), the local address.
func logging(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if p, ok := peer.FromContext(ctx); ok {
		log.Printf("%s from %s", info.FullMethod, p.Addr)
		if p.LocalAddr != nil && strings.HasPrefix(p.LocalAddr.String(), "127.") {
			log.Print("served on loopback")
		}
	}
	if md, ok := metadata.FromIncomingContext(ctx); ok {
		for _, v := range md.Get("x-forwarded-for") {
			if strings.HasPrefix(v, "10.") {
				log.Print("internal caller")
			}
		}
	}
	return handler(ctx, req)
}

func Server() *grpc.Server {
	return grpc.NewServer(grpc.ChainUnaryInterceptor(localOnly, byString, allowList, logging), grpc.StreamInterceptor(streamLocal))
}
