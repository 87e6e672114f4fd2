// Package pb is a hand-written gRPC client in the shape protoc-gen-go-grpc
// generates.
package pb

import (
	"context"

	"google.golang.org/grpc"
)

type UsersClient interface {
	Get(ctx context.Context, in *string, opts ...grpc.CallOption) (*string, error)
}

type usersClient struct{ cc grpc.ClientConnInterface }

func NewUsersClient(cc grpc.ClientConnInterface) UsersClient { return &usersClient{cc} }

func (c *usersClient) Get(ctx context.Context, in *string, opts ...grpc.CallOption) (*string, error) {
	out := new(string)
	err := c.cc.Invoke(ctx, "/users.Users/Get", in, out, opts...) // inside a client stub: reported where the stub is called
	return out, err
}
