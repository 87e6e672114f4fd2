// Package setup instruments http.DefaultClient's Transport only.
package setup

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func Init() {
	http.DefaultClient.Transport = otelhttp.NewTransport(http.DefaultTransport)
	http.DefaultTransport = http.DefaultTransport.(*http.Transport).Clone() // a plain clone: not instrumented
}
