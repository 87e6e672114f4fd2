// Package derived holds rule 5: contexts derived from Background()/TODO()
// that reach an outbound call inside an inbound scope.
package derived

import (
	"context"
	"net/http"
	"time"

	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
)

type Server struct {
	client *http.Client
	health healthpb.HealthClient
	conn   *grpc.ClientConn
}

// The usual shape: a timeout on a fresh context instead of the request's.
func (s *Server) Timeout(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second) // want `context.Background\(\) inside a request handler is the parent of the context given to http.NewRequestWithContext: the sidecar cannot join the outbound call to the inbound trace \(traceparent, x-request-id\) and the caller's deadline and cancellation are lost; derive it from r.Context\(\) instead`
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://users/", nil)
	s.client.Do(req)
}

// A chain through several locals and wrappers, to a gRPC stub.
func (s *Server) Chain(ctx context.Context, id string) error {
	base := context.TODO() // want `context.TODO\(\) inside a function that receives a context is the parent of the context given to \(grpc_health_v1.HealthClient\).Check: .*; derive it from ctx instead`
	withID := context.WithValue(base, keyID{}, id)
	timed, cancel := context.WithDeadline(withID, time.Now().Add(time.Second))
	defer cancel()
	_, err := s.health.Check(timed, &healthpb.HealthCheckRequest{})
	return err
}

type keyID struct{}

// gRPC metadata on a fresh context: the trace is lost with it.
func (s *Server) Metadata(ctx context.Context, id string) error {
	out := metadata.AppendToOutgoingContext(context.Background(), "x-user", id) // want `context.Background\(\) inside a function that receives a context is the parent of the context given to \(grpc_health_v1.HealthClient\).Check`
	_, err := s.health.Check(out, &healthpb.HealthCheckRequest{})
	return err
}

// NewOutgoingContext, inline.
func (s *Server) Outgoing(ctx context.Context) error {
	_, err := s.health.Check(metadata.NewOutgoingContext(context.Background(), metadata.Pairs("k", "v")), &healthpb.HealthCheckRequest{}) // want `context.Background\(\) inside a function that receives a context is the parent`
	return err
}

// One Background() reaching two calls is reported once.
func (s *Server) Twice(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithCancel(context.Background()) // want `is the parent of the context given to http.NewRequestWithContext`
	defer cancel()
	a, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://a/", nil)
	b, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://b/", nil)
	s.client.Do(a)
	s.client.Do(b)
}

// In a goroutine: derive from context.WithoutCancel(r.Context()).
func (s *Server) Async(w http.ResponseWriter, r *http.Request) {
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // want `context.Background\(\) in a goroutine started inside a request handler is the parent of the context given to \(grpc_health_v1.HealthClient\).Check: the outbound call drops the inbound trace \(traceparent, x-request-id\); derive it from context.WithoutCancel\(r.Context\(\)\) instead`
		defer cancel()
		s.health.Check(ctx, &healthpb.HealthCheckRequest{})
	}()
}

// A reassigned variable: the last assignment before the call counts.
func (s *Server) Reassigned(w http.ResponseWriter, r *http.Request) {
	ctx := context.Background()
	ctx = r.Context()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://users/", nil)
	s.client.Do(req)
}

// Not flagged: the derived context reaches no outbound call.
func (s *Server) Local(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	<-ctx.Done()
	compute(ctx)
}

func compute(ctx context.Context) {}

// Not flagged: WithoutCancel keeps the trace.
func (s *Server) Detached(w http.ResponseWriter, r *http.Request) {
	ctx := context.WithoutCancel(r.Context())
	go func() {
		ctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		s.health.Check(ctx, &healthpb.HealthCheckRequest{})
	}()
}

// Not flagged: derived from the inbound context.
func (s *Server) Derived(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	ctx = metadata.AppendToOutgoingContext(ctx, "k", "v")
	s.health.Check(ctx, &healthpb.HealthCheckRequest{})
}

// Not flagged: no inbound context in scope (start-up code).
func Warm(c healthpb.HealthClient) { // want Warm:`drops the context: context.Background\(\) \(the parent of the context passed to \(grpc_health_v1.HealthClient\).Check\) at ctxprop/derived/derived.go:111`
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c.Check(ctx, &healthpb.HealthCheckRequest{})
}

// Not flagged: a context the analysis cannot follow (a field).
type job struct{ ctx context.Context }

func (s *Server) Field(w http.ResponseWriter, r *http.Request, j *job) {
	s.health.Check(j.ctx, &healthpb.HealthCheckRequest{})
}
