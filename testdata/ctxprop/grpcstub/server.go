package grpcstub

import (
	"context"
	"net/http"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

// A gRPC server method: its ctx parameter is the inbound context.
type Gateway struct {
	users  UserServiceClient
	orders OrderServiceClient
	health healthpb.HealthClient
	conn   *grpc.ClientConn
	cache  Cache
}

func (g *Gateway) GetOrder(ctx context.Context, in *OrderRequest) (*Order, error) { // want GetOrder:`forwards its context: \(grpcstub.OrderServiceClient\).GetOrder at ctxprop/grpcstub/server.go:36`
	if _, err := g.users.GetUser(context.Background(), &GetUserRequest{Id: in.Id}); err != nil { // want `context.Background\(\) passed to \(grpcstub.UserServiceClient\).GetUser inside a function that receives a context drops the inbound context: .*; pass ctx`
		return nil, err
	}
	if _, err := g.health.Check(context.TODO(), &healthpb.HealthCheckRequest{}); err != nil { // want `context.TODO\(\) passed to \(grpc_health_v1.HealthClient\).Check inside a function that receives a context`
		return nil, err
	}
	var out Order
	if err := g.conn.Invoke(context.Background(), "/orders.v1.OrderService/GetOrder", in, &out); err != nil { // want `\(\*grpc.ClientConn\).Invoke`
		return nil, err
	}
	healthpb.NewHealthClient(g.conn).Check(context.Background(), &healthpb.HealthCheckRequest{}) // want `\(grpc_health_v1.HealthClient\).Check`
	// Not a stub.
	g.cache.Get(context.Background(), "k")
	// Not flagged: the inbound context is passed.
	return g.orders.GetOrder(ctx, in)
}

// An HTTP handler calling gRPC stubs.
func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	u, err := g.users.GetUser(context.Background(), &GetUserRequest{Id: r.URL.Query().Get("id")}) // want `passed to \(grpcstub.UserServiceClient\).GetUser inside a request handler .*; pass r.Context\(\)`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	// Method value and method expression of a stub.
	get := g.users.GetUser
	get(context.Background(), &GetUserRequest{})                          // want `GetUser inside a request handler`
	UserServiceClient.GetUser(g.users, context.TODO(), &GetUserRequest{}) // want `GetUser inside a request handler`
	// Concrete (non-interface) stub type.
	oc := &orderServiceClient{cc: g.conn}
	oc.GetOrder(context.Background(), &OrderRequest{}) // want `passed to \(\*grpcstub.orderServiceClient\).GetOrder`
	// Rule 4.
	go g.orders.GetOrder(context.Background(), &OrderRequest{Id: u.Name}) // want `in a goroutine started inside a request handler .*; pass context.WithoutCancel\(r.Context\(\)\)`
	go func() {
		healthpb.NewHealthClient(g.conn).Check(context.TODO(), &healthpb.HealthCheckRequest{}) // want `context.TODO\(\) passed to \(grpc_health_v1.HealthClient\).Check in a goroutine`
	}()
	w.Write([]byte(u.Name))
}

// grpc.DialContext with Background in a handler (rule 3), and in main-like
// setup code with no inbound context (not flagged).
func (g *Gateway) Reconnect(ctx context.Context) error {
	conn, err := grpc.DialContext(context.Background(), "orders:50051", grpc.WithTransportCredentials(insecure.NewCredentials())) // want `context.Background\(\) passed to grpc.DialContext`
	if err != nil {
		return err
	}
	g.conn = conn
	return nil
}

func Connect() (*grpc.ClientConn, error) { // a connection helper: the dial carries no trace (not a rule 6 drop)
	return grpc.DialContext(context.Background(), "orders:50051", grpc.WithTransportCredentials(insecure.NewCredentials()))
}

func init() {
	c, _ := grpc.NewClient("orders:50051", grpc.WithTransportCredentials(insecure.NewCredentials()))
	healthpb.NewHealthClient(c).Check(context.Background(), &healthpb.HealthCheckRequest{})
}
