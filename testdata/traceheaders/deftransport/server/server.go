package server

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func Wrap(h http.Handler) http.Handler { return otelhttp.NewMiddleware("svc")(h) }
