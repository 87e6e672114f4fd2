// Package server instruments the inbound side for the whole module.
package server

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func Handler(h http.Handler) http.Handler {
	return otelhttp.NewHandler(h, "otelsvc")
}
