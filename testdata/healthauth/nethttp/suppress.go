package nethttp

import "net/http"

func suppressed() {
	mux := http.NewServeMux()
	//meshlint:ignore healthauth probes use the sidecar's token exchange
	mux.Handle("/healthz", authMiddleware(http.HandlerFunc(health)))
	mux.Handle("/readyz", authMiddleware(http.HandlerFunc(health))) //meshlint:ignore healthauth readiness is checked by TCP
	/* // want `meshlint:ignore needs a reason` */ //meshlint:ignore healthauth
	mux.Handle("/livez", authMiddleware(http.HandlerFunc(health)))
	//meshlint:ignore hardcodedip not about this rule
	mux.Handle("/ping", authMiddleware(http.HandlerFunc(health))) // want `health route "/ping"`
}
