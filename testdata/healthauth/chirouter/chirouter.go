// Package chirouter holds healthauth fixtures for chi.
package chirouter

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

func health(w http.ResponseWriter, r *http.Request) {}
func users(w http.ResponseWriter, r *http.Request)  {}

func RequireJWT(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
}

func routerUse() {
	r := chi.NewRouter()
	r.Use(middleware.Logger)
	r.Use(RequireJWT)
	r.Get("/healthz", health) // want `health route "/healthz" is behind auth middleware RequireJWT`
	r.Get("/users", users)
	http.ListenAndServe(":8080", r)
}

// chi's Use applies to every route of the router, even those registered
// before it (chi panics at run time; the rule treats it as applying).
func useAfterRoute() {
	r := chi.NewRouter()
	r.Get("/readyz", health) // want `behind auth middleware RequireJWT`
	r.Use(RequireJWT)
}

func basicAuth() {
	r := chi.NewRouter()
	r.Use(middleware.BasicAuth("api", map[string]string{"admin": "x"}))
	r.Get("/health", health) // want `behind auth middleware middleware.BasicAuth`
}

func with() {
	r := chi.NewRouter()
	r.Use(middleware.RequestID)
	r.Get("/healthz", health)
	r.With(RequireJWT).Get("/livez", health) // want `behind auth middleware RequireJWT`
	r.With(middleware.Recoverer).Get("/readyz", health)
	r.With(RequireJWT).Get("/users", users)
}

func group() {
	r := chi.NewRouter()
	r.Get("/healthz", health)
	r.Group(func(r chi.Router) {
		r.Use(RequireJWT)
		r.Get("/users", users)
		r.Get("/api/ready", health) // want `behind auth middleware RequireJWT`
	})
	r.Group(func(r chi.Router) {
		r.Use(middleware.Logger)
		r.Get("/ping", health)
	})
}

func route() {
	r := chi.NewRouter()
	r.Route("/api", func(r chi.Router) {
		r.Use(RequireJWT)
		r.Get("/users", users)
		r.Get("/health", health) // want `health route "/api/health" is behind auth middleware RequireJWT`
	})
	r.Route("/health", func(r chi.Router) {
		r.Get("/", health)
		r.Get("/live", health)
	})
	r.Route("/v2", func(r chi.Router) {
		r.With(RequireJWT).Get("/users", users)
		r.Get("/healthz", health)
	})
}

// The parent's Use applies inside Route and Group.
func parentUse() {
	r := chi.NewRouter()
	r.Use(RequireJWT)
	r.Route("/health", func(r chi.Router) {
		r.Get("/live", health) // want `health route "/health/live" is behind auth middleware RequireJWT`
	})
}

func mount() {
	api := chi.NewRouter()
	api.Get("/health", health) // want `behind auth middleware RequireJWT`
	r := chi.NewRouter()
	r.Get("/healthz", health)
	r.With(RequireJWT).Mount("/api", api)
	http.ListenAndServe(":8080", r)
}

func handleWrapped() {
	r := chi.NewRouter()
	r.Handle("/healthz", RequireJWT(http.HandlerFunc(health)))       // want `behind auth middleware RequireJWT`
	r.Method("GET", "/readyz", RequireJWT(http.HandlerFunc(health))) // want `behind auth middleware RequireJWT`
	r.Handle("/livez", middleware.NoCache(http.HandlerFunc(health)))
}

func served() {
	r := chi.NewRouter()
	r.Get("/healthz", health) // want `behind auth middleware RequireJWT`
	http.ListenAndServe(":8080", RequireJWT(r))
}

// Middleware slice passed with ....
func useSlice() {
	mws := []func(http.Handler) http.Handler{middleware.Logger, RequireJWT}
	r := chi.NewRouter()
	r.Use(mws...)
	r.Get("/healthz", health) // want `behind auth middleware RequireJWT`
}
