// Package telemetry sets the tracer provider; the propagator is set by
// package propagators of the same module, so rule 1 is silent here.
package telemetry

import (
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace/noop"
)

func Init() {
	otel.SetTracerProvider(noop.NewTracerProvider()) // propagator set in another package of the module
}
