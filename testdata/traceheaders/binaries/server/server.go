// Package server instruments the inbound side of the svc binary.
package server

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func Handler(h http.Handler) http.Handler { return otelhttp.NewHandler(h, "svc") }
