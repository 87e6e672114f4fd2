// Package svc makes outbound calls in a module with no propagation at
// all: silent by default (rule 5 is opt-in: see flags/strict).
package svc

import (
	"context"
	"net/http"

	"google.golang.org/grpc"
)

type Users interface {
	Get(ctx context.Context, in *string, opts ...grpc.CallOption) (*string, error)
}

type usersClient struct{ cc grpc.ClientConnInterface }

func (c *usersClient) Get(ctx context.Context, in *string, opts ...grpc.CallOption) (*string, error) {
	out := new(string)
	err := c.cc.Invoke(ctx, "/users.Users/Get", in, out, opts...)
	return out, err
}

func Handle(w http.ResponseWriter, r *http.Request, users *usersClient) {
	http.Get("http://users/")
	users.Get(r.Context(), new(string))
}
