// Package setup instruments http.DefaultTransport for the whole module.
package setup

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func init() {
	http.DefaultTransport = otelhttp.NewTransport(http.DefaultTransport)
}
