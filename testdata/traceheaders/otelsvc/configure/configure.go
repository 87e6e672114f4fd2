// Package configure instruments a client exported by package client.
package configure

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"example.com/otelsvc/client"
)

func Init() {
	client.Exported.Transport = otelhttp.NewTransport(http.DefaultTransport)
}
