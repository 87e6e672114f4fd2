// Package names holds name-matching fixtures: names that contain an auth
// word inside another word are not auth.
package names

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func health(w http.ResponseWriter, r *http.Request) {}

func mw(next http.Handler) http.Handler { return next }

var (
	Author            = mw
	Tokenizer         = mw
	guardrail         = mw
	oracleMiddleware  = mw
	tokenBucketLimit  = mw
	requestSigning    = mw
	optionalAuth      = mw
	corsProtect       = mw
	AuthorsList       = mw
	checkACL          = mw
	signIn            = mw
	oidcVerifier      = mw
	permissionsFilter = mw
)

func negatives() {
	r := chi.NewRouter()
	r.Use(Author, Tokenizer, guardrail, oracleMiddleware, tokenBucketLimit, requestSigning, optionalAuth, corsProtect, AuthorsList)
	r.Get("/healthz", health)
}

func acl() {
	r := chi.NewRouter()
	r.Use(checkACL)
	r.Get("/healthz", health) // want `behind auth middleware checkACL`
}

func signin() {
	r := chi.NewRouter()
	r.With(signIn).Get("/healthz", health)          // want `behind auth middleware signIn`
	r.With(oidcVerifier).Get("/readyz", health)     // want `behind auth middleware oidcVerifier`
	r.With(permissionsFilter).Get("/livez", health) // want `behind auth middleware permissionsFilter`
}

// A struct or client with an auth-like name is not middleware.
type authClient struct{}

func (authClient) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func notMiddleware() {
	mux := http.NewServeMux()
	var authSvc authClient
	mux.Handle("/healthz", authSvc)
	http.ListenAndServe(":8080", mux)
}

// The handler itself is named like auth: the route is not behind auth.
func handlerNamedLogin(w http.ResponseWriter, r *http.Request) {}

func handlers() {
	mux := http.NewServeMux()
	mux.HandleFunc("/login/health", handlerNamedLogin) // a route, not middleware
}
