package a

import "net/http"

// Gate lets through only requests that carry credentials. Nothing in its
// name says so: healthauth knows it as authentication by what it does (it
// answers 401) when cmd/api, another package, wraps its mux with it.
func Gate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
