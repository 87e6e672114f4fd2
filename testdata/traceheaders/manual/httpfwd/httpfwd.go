// Package httpfwd forwards x-request-id by hand in a module without any
// tracing library: rule 3.
package httpfwd

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/http"

	"example.com/manual/headers"
)

var client = &http.Client{}

func Proxy(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://users/", nil)
	req.Header.Set("X-Request-Id", r.Header.Get("X-Request-Id")) // want `x-request-id is forwarded by hand but no trace header is: without traceparent/tracestate or x-b3-\* the sidecar cannot join this call to the inbound trace; forward traceparent, tracestate and the x-b3-\* headers \(or b3\) too, or instrument the client with otelhttp or otelgrpc`
	client.Do(req)
	http.Get("http://users/") // no instrumented inbound side: rule 2 is silent
}

func Constant(w http.ResponseWriter, r *http.Request) {
	id := r.Header.Get(headers.RequestID)
	req, _ := http.NewRequest(http.MethodGet, "http://users/", nil)
	req.Header.Add(headers.RequestID, id) // want `x-request-id is forwarded by hand`
	client.Do(req)
}

// Canonical sends a clone of the inbound request on.
func Canonical(ctx context.Context, r *http.Request) {
	out := r.Clone(ctx)
	out.Header.Set(http.CanonicalHeaderKey("x-request-id"), r.Header.Get("X-Request-Id")) // want `x-request-id is forwarded by hand`
	client.Do(out)
}

// WithTrace copies the trace headers too.
func WithTrace(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest(http.MethodGet, "http://users/", nil)
	req.Header.Set("X-Request-Id", r.Header.Get("X-Request-Id"))
	req.Header.Set("X-B3-TraceId", r.Header.Get("X-B3-TraceId"))
	client.Do(req)
}

var forwarded = []string{"x-request-id", "x-b3-traceid", "x-b3-spanid", "x-b3-parentspanid", "x-b3-sampled", "x-b3-flags", "b3"}

// List copies a list of headers that includes the B3 ones.
func List(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest(http.MethodGet, "http://users/", nil)
	for _, h := range forwarded {
		req.Header.Set(h, r.Header.Get(h))
	}
	req.Header.Set("x-request-id", r.Header.Get("x-request-id"))
	client.Do(req)
}

// Helper copies the trace headers in a function of the module.
func Helper(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest(http.MethodGet, "http://users/", nil)
	req.Header.Set("X-Request-Id", r.Header.Get("X-Request-Id"))
	headers.CopyTrace(req.Header, r.Header, r.Header.Get)
	copyB3(req, r)
	client.Do(req)
}

func copyB3(out, in *http.Request) {
	out.Header.Set("b3", in.Header.Get("b3"))
}

// Response echoes the request id to the caller: not an outbound request.
func Response(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Request-Id", r.Header.Get("X-Request-Id"))
}

// Middleware sets the request id on the inbound request for the next
// handler: not an outbound request.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Request-Id") == "" {
			r.Header.Set("X-Request-Id", newID())
		}
		next.ServeHTTP(w, r)
	})
}

// Fresh gives the outbound request a new id: nothing copied from the
// inbound request.
func Fresh(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest(http.MethodGet, "http://users/", nil)
	req.Header.Set("X-Request-Id", newID())
	client.Do(req)
}

// Worker has no inbound request.
func Worker(id string) {
	req, _ := http.NewRequest(http.MethodGet, "http://users/", nil)
	req.Header.Set("X-Request-Id", id)
	client.Do(req)
}

func newID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return fmt.Sprintf("%x", b)
}

// tagging is a RoundTripper that copies the request id from the context.
type tagging struct{ next http.RoundTripper }

type ridKey struct{}

func (t tagging) RoundTrip(req *http.Request) (*http.Response, error) {
	if id, ok := req.Context().Value(ridKey{}).(string); ok {
		req.Header.Set("X-Request-Id", id) // want `x-request-id is forwarded by hand`
	}
	return t.next.RoundTrip(req)
}

// Cloned forwards every inbound header.
func Cloned(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest(http.MethodGet, "http://users/", nil)
	req.Header = r.Header.Clone()
	req.Header.Set("X-Request-Id", r.Header.Get("X-Request-Id"))
	client.Do(req)
}
