// Package telemetry sets a tracer provider, and nothing in the module
// sets a text-map propagator: rule 1. (SetTextMapPropagator is only named
// in this comment, in a _test.go file and in a generated file, none of
// which count.)
package telemetry

import (
	"net/http"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace/noop"
)

func Init() {
	otel.SetTracerProvider(noop.NewTracerProvider()) // want `otel.SetTracerProvider but no text-map propagator is set anywhere in the module: OpenTelemetry's default propagator is a no-op, so otelhttp and otelgrpc send no traceparent and the sidecar cannot join outbound calls to the inbound trace; call otel.SetTextMapPropagator\(propagation.NewCompositeTextMapPropagator\(propagation.TraceContext\{\}, propagation.Baggage\{\}\)\)`
}

// Handle: the module does not instrument its inbound side, so rule 2 is
// silent on plain outbound calls.
func Handle(w http.ResponseWriter, r *http.Request) {
	http.Get("http://users/")
}
