package main

import (
	"net/http"
	"os"
	"strings"
)

// requireToken rejects requests without the service's bearer token.
func requireToken(next http.Handler) http.Handler {
	want := "Bearer " + os.Getenv("API_TOKEN")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.EqualFold(r.Header.Get("Authorization"), want) {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
