package nethttp

import "net/http"

func inTest() {
	mux := http.NewServeMux()
	mux.Handle("/healthz", authMiddleware(http.HandlerFunc(health)))
}
