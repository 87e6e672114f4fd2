package grpcstub

import (
	"context"

	"google.golang.org/grpc"
)

// A hand-written stub in protoc-gen-go-grpc style, not marked generated.
type OrderRequest struct{ Id string }
type Order struct{ Total int }

type OrderServiceClient interface {
	GetOrder(ctx context.Context, in *OrderRequest, opts ...grpc.CallOption) (*Order, error)
}

type orderServiceClient struct {
	cc grpc.ClientConnInterface
}

func NewOrderServiceClient(cc grpc.ClientConnInterface) OrderServiceClient {
	return &orderServiceClient{cc}
}

// The stub forwards its ctx: not flagged.
func (c *orderServiceClient) GetOrder(ctx context.Context, in *OrderRequest, opts ...grpc.CallOption) (*Order, error) { // want GetOrder:`forwards its context: \(grpc.ClientConnInterface\).Invoke at ctxprop/grpcstub/orders.go:28`
	out := new(Order)
	if err := c.cc.Invoke(ctx, "/orders.v1.OrderService/GetOrder", in, out, opts...); err != nil {
		return nil, err
	}
	return out, nil
}

// Not a stub: the last parameter is not ...grpc.CallOption.
type Cache interface {
	Get(ctx context.Context, key string, opts ...string) (string, error)
}
