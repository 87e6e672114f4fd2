// Package gorilla holds healthauth fixtures for gorilla/mux.
package gorilla

import (
	"net/http"

	"github.com/gorilla/mux"
)

func health(w http.ResponseWriter, r *http.Request) {}
func users(w http.ResponseWriter, r *http.Request)  {}

type authenticator struct{ keys map[string]bool }

// Middleware is judged by its receiver type's name.
func (a *authenticator) Middleware(next http.Handler) http.Handler { return next }

func loggingMiddleware(next http.Handler) http.Handler { return next }

func routerUse() {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", health).Methods("GET") // want `health route "/healthz" is behind auth middleware a.Middleware`
	a := &authenticator{}
	r.Use(loggingMiddleware, a.Middleware)
	http.ListenAndServe(":8080", r)
}

// r.Use applies to subrouters; a subrouter's Use does not apply to r.
func subrouter() {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", health)
	api := r.PathPrefix("/api").Subrouter()
	a := &authenticator{}
	api.Use(a.Middleware)
	api.HandleFunc("/health", health)      // want `health route "/api/health" is behind auth middleware a.Middleware`
	api.Path("/ready").HandlerFunc(health) // want `health route "/api/ready" is behind auth middleware a.Middleware`
	api.HandleFunc("/users", users)
	r.Path("/livez").Methods("GET").HandlerFunc(health)
}

func parentUse() {
	r := mux.NewRouter()
	a := &authenticator{}
	r.Use(a.Middleware)
	probes := r.PathPrefix("/probes").Subrouter()
	probes.HandleFunc("/livez", health) // want `health route "/probes/livez" is behind auth middleware a.Middleware`
}

func routeWrapped() {
	r := mux.NewRouter()
	r.Handle("/readyz", tokenRequired(http.HandlerFunc(health)))                    // want `behind auth middleware tokenRequired`
	r.Methods("GET").Path("/ping").Handler(tokenRequired(http.HandlerFunc(health))) // want `health route "/ping" is behind auth middleware tokenRequired`
	r.Handle("/ready", loggingMiddleware(http.HandlerFunc(health)))
}

func tokenRequired(next http.Handler) http.Handler { return next }
