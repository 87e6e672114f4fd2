package telemetry

import (
	"testing"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

func TestInit(t *testing.T) {
	otel.SetTextMapPropagator(propagation.TraceContext{}) // a test: not the module's code
	Init()
}
