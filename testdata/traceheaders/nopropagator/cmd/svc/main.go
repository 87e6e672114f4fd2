package main

import (
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace/noop"

	"example.com/nopropagator/telemetry"
)

func main() {
	telemetry.Init()
	otel.SetTracerProvider(noop.NewTracerProvider()) // want `otel.SetTracerProvider but no text-map propagator`
}
