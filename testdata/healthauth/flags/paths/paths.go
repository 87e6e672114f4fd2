// Package paths is run with -healthauth.paths=status,alive.
package paths

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func h(w http.ResponseWriter, r *http.Request) {}

func requireAuth(next http.Handler) http.Handler { return next }

func routes() {
	r := chi.NewRouter()
	r.Use(requireAuth)
	r.Get("/status", h)    // want `health route "/status" is behind auth middleware requireAuth`
	r.Get("/api/alive", h) // want `health route "/api/alive"`
	r.Get("/healthz", h)   // the list is replaced
}
