// Package svc: a module with no tracing library and no trace header
// anywhere, run with -traceheaders.strict: rule 5.
package svc

import (
	"context"
	"net/http"

	"example.com/plain/pb"
)

type Server struct {
	users  pb.UsersClient
	client *http.Client
}

func (s *Server) Handle(w http.ResponseWriter, r *http.Request) {
	http.Get("http://users/")             // want `http.Get forwards no trace headers: the module has no tracing instrumentation and copies no trace header, so the sidecar cannot join this call to the inbound trace; instrument the client \(otelhttp.NewTransport, grpc.WithStatsHandler\(otelgrpc.NewClientHandler\(\)\)\) and set a propagator, or forward x-request-id, traceparent and x-b3-\* by hand`
	s.client.Get("http://users/")         // want `\(\*http.Client\).Get forwards no trace headers`
	s.users.Get(r.Context(), new(string)) // want `\(pb.UsersClient\).Get forwards no trace headers`
}

func (s *Server) Lookup(ctx context.Context, id string) (*string, error) {
	return s.users.Get(ctx, &id) // want `\(pb.UsersClient\).Get forwards no trace headers`
}

// Refresh runs from a timer: no inbound scope.
func (s *Server) Refresh() {
	http.Get("http://users/refresh")
}

func main() {
	http.Get("http://users/start")
}
