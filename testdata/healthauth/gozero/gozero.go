// Package gozero holds healthauth fixtures for go-zero's rest server: the
// finding is at the rest.Route literal of the health route.
package gozero

import (
	"net/http"

	"github.com/zeromicro/go-zero/rest"
)

func health(w http.ResponseWriter, r *http.Request) {}

// checkKey is auth by behaviour.
func checkKey(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

func logging(next http.HandlerFunc) http.HandlerFunc { return next }

func withJwt(c rest.RestConf) {
	server := rest.MustNewServer(c)
	defer server.Stop()
	server.AddRoutes([]rest.Route{
		{Method: http.MethodGet, Path: "/healthz", Handler: health}, // want `health route "/healthz" is behind auth middleware rest.WithJwt`
		{Method: http.MethodGet, Path: "/users", Handler: health},
	}, rest.WithJwt("secret"))
	server.AddRoutes([]rest.Route{
		{Method: http.MethodGet, Path: "/readyz", Handler: health},
	})
	server.AddRoute(rest.Route{Method: http.MethodGet, Path: "/livez", Handler: health}, rest.WithJwt("secret"), rest.WithPrefix("/api")) // want `health route "/api/livez" is behind auth middleware rest.WithJwt`
	server.Start()
}

// Use applies to every route, registered before or after it.
func use(c rest.RestConf) {
	server := rest.MustNewServer(c)
	server.AddRoute(rest.Route{Method: http.MethodGet, Path: "/healthz", Handler: health}) // want `behind auth middleware checkKey`
	server.Use(checkKey)
}

func noAuth(c rest.RestConf) {
	server, err := rest.NewServer(c)
	if err != nil {
		return
	}
	server.Use(logging)
	server.AddRoutes([]rest.Route{{Method: http.MethodGet, Path: "/healthz", Handler: health}})
}

func wrapped(c rest.RestConf) {
	server := rest.MustNewServer(c)
	server.AddRoutes(rest.WithMiddlewares([]rest.Middleware{logging, checkKey},
		rest.Route{Method: http.MethodGet, Path: "/ping", Handler: health}, // want `behind auth middleware checkKey`
	))
	server.AddRoutes(rest.WithMiddleware(logging, rest.Route{Method: http.MethodGet, Path: "/ready", Handler: health}))
}

func routesVar(c rest.RestConf) {
	routes := []rest.Route{
		{Method: http.MethodGet, Path: "/health", Handler: health}, // want `behind auth middleware rest.WithJwt`
	}
	server := rest.MustNewServer(c)
	server.AddRoutes(routes, rest.WithJwt("secret"))
}
