// Package transports holds RoundTrippers of the module, judged from their
// source by the packages that use them.
package transports

import (
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

// Injecting writes the trace context from the request's context.
type Injecting struct {
	Next http.RoundTripper
}

func (t *Injecting) RoundTrip(r *http.Request) (*http.Response, error) {
	otel.GetTextMapPropagator().Inject(r.Context(), propagation.HeaderCarrier(r.Header))
	return t.Next.RoundTrip(r)
}

// Headers copies trace headers it finds in the context by hand.
type Headers struct {
	Next http.RoundTripper
}

func (t *Headers) RoundTrip(r *http.Request) (*http.Response, error) {
	if tp, ok := r.Context().Value(key{}).(string); ok {
		r.Header.Set("Traceparent", tp)
	}
	return t.Next.RoundTrip(r)
}

type key struct{}

// Retry retries; it adds no header.
type Retry struct {
	Base http.RoundTripper
}

func (t *Retry) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.Base.RoundTrip(r)
	if err != nil {
		resp, err = t.Base.RoundTrip(r)
	}
	return resp, err
}

// Fake answers every request itself.
type Fake struct{}

func (Fake) RoundTrip(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200}, nil
}
