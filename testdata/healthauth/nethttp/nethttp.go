// Package nethttp holds healthauth fixtures for net/http.
package nethttp

import (
	"log"
	"net/http"
	"strings"
)

func health(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }

func users(w http.ResponseWriter, r *http.Request) {}

// authMiddleware is auth by name.
func authMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
}

// logging is not auth.
func logging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Println(r.URL.Path)
		next.ServeHTTP(w, r)
	})
}

// check is auth by behaviour: it writes 401.
func check(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-User") == "" {
			http.Error(w, "no user", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// gate is auth by behaviour: it reads the Authorization header.
func gate(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "secret" {
			w.WriteHeader(500)
			return
		}
		next(w, r)
	}
}

// basic is auth by behaviour: it calls r.BasicAuth.
func basic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, _, ok := r.BasicAuth(); !ok {
			return
		}
		next.ServeHTTP(w, r)
	})
}

// requireAuthSkippingHealth exempts the health paths before checking.
func requireAuthSkippingHealth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" || strings.HasPrefix(r.URL.Path, "/ready") {
			next.ServeHTTP(w, r)
			return
		}
		if r.Header.Get("Authorization") == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

var publicPaths = map[string]bool{"/livez": true, "/metrics": true}

// withAuth skips the paths of a package-level list.
func withAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if publicPaths[r.URL.Path] {
			next.ServeHTTP(w, r)
			return
		}
		w.WriteHeader(http.StatusForbidden)
	})
}

func perRoute() {
	mux := http.NewServeMux()
	mux.Handle("/healthz", authMiddleware(http.HandlerFunc(health))) // want `health route "/healthz" is behind auth middleware authMiddleware: kubelet probes`
	mux.Handle("GET /readyz", check(http.HandlerFunc(health)))       // want `health route "GET /readyz" is behind auth middleware check`
	mux.HandleFunc("/api/v1/health", gate(health))                   // want `health route "/api/v1/health" is behind auth middleware gate`
	mux.Handle("/livez", logging(basic(http.HandlerFunc(health))))   // want `behind auth middleware basic`
	mux.Handle("/ping", logging(http.HandlerFunc(health)))
	mux.Handle("/users", authMiddleware(http.HandlerFunc(users)))
	mux.Handle("/healthz/deep", requireAuthSkippingHealth(http.HandlerFunc(health)))
	mux.Handle("/livez/x", withAuth(http.HandlerFunc(health)))
	mux.HandleFunc("/healthcheck", gate(health)) // not a health segment
	http.ListenAndServe(":8080", mux)
}

func wrappedMux() {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", health) // want `health route "/healthz" is behind auth middleware authMiddleware`
	mux.HandleFunc("/users", users)
	http.ListenAndServe(":8080", authMiddleware(mux))
}

func wrappedServer() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ready", health) // want `health route "GET /ready" is behind auth middleware check`
	var h http.Handler = mux
	h = logging(h)
	h = check(h)
	srv := &http.Server{Addr: ":8080", Handler: h}
	srv.ListenAndServe()
}

func wrappedServerField() {
	mux := http.NewServeMux()
	mux.HandleFunc("/health", health) // want `behind auth middleware authMiddleware`
	srv := &http.Server{Addr: ":8080"}
	srv.Handler = authMiddleware(mux)
	srv.ListenAndServe()
}

func unwrappedServer() {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", health)
	mux.Handle("/users", authMiddleware(http.HandlerFunc(users)))
	srv := &http.Server{Addr: ":8080", Handler: logging(mux)}
	srv.ListenAndServe()
}

func mountedSubMux() {
	api := http.NewServeMux()
	api.HandleFunc("/api/health", health) // want `behind auth middleware authMiddleware`
	api.HandleFunc("/api/users", users)
	root := http.NewServeMux()
	root.HandleFunc("/healthz", health)
	root.Handle("/api/", authMiddleware(api))
	http.ListenAndServe(":8080", root)
}

func exemptingMiddlewareOnMux() {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", health)
	http.ListenAndServe(":8080", requireAuthSkippingHealth(mux))
}

func inlineMiddleware() {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", health) // want `behind auth middleware mw:`
	mw := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") == "" {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
	http.ListenAndServe(":8080", mw(mux))
}

func defaultMux() {
	http.HandleFunc("/healthz", health) // want `behind auth middleware authMiddleware`
	http.ListenAndServe(":8080", authMiddleware(http.DefaultServeMux))
}

// servedTwice: reachable without auth on the admin port, so not flagged.
func servedTwice() {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", health)
	go http.ListenAndServe(":8080", authMiddleware(mux))
	http.ListenAndServe(":9090", mux)
}

const healthPath = "/healthz"

func knownPath() {
	mux := http.NewServeMux()
	p := healthPath + "/live"
	mux.Handle(p, check(http.HandlerFunc(health))) // want `health route "/healthz/live"`
	mux.Handle(unknown(), check(http.HandlerFunc(health)))
}

func unknown() string { return "/x" }

// csrfMiddleware answers 403 to forged POSTs, not to probes: its name
// vetoes the behaviour rule.
func csrfMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.Header.Get("X-CSRF-Token") == "" {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func csrfOnly() {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", health)
	http.ListenAndServe(":8080", csrfMiddleware(mux))
}

// Config-driven skip list naming the health path.
type AuthConfig struct{ SkipPaths []string }

func authWithConfig(cfg AuthConfig) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler { return next }
}

func skipList() {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", health)
	mux.HandleFunc("/readyz", health) // a skip list is configured: the rule stays silent
	http.ListenAndServe(":8080", authWithConfig(AuthConfig{SkipPaths: []string{"/healthz"}})(mux))
	other := http.NewServeMux()
	other.HandleFunc("/readyz", health) // want `behind auth middleware authWithConfig`
	http.ListenAndServe(":8081", authWithConfig(AuthConfig{})(other))
}

// chain is an alice-style middleware chain.
type chain struct {
	mws []func(http.Handler) http.Handler
}

func newChain(mws ...func(http.Handler) http.Handler) chain { return chain{mws} }

func (c chain) Then(h http.Handler) http.Handler {
	for i := len(c.mws) - 1; i >= 0; i-- {
		h = c.mws[i](h)
	}
	return h
}

func chained() {
	mux := http.NewServeMux()
	protected := newChain(logging, authMiddleware)
	public := newChain(logging)
	mux.Handle("/healthz", protected.Then(http.HandlerFunc(health))) // want `behind auth middleware authMiddleware`
	mux.Handle("/readyz", public.Then(http.HandlerFunc(health)))
	mux.Handle("/livez", newChain(check).Then(http.HandlerFunc(health))) // want `behind auth middleware check`
}

// servedInGoroutine: the server starts in a goroutine closure, the usual
// shape for a second (admin) listener.
func servedInGoroutine() {
	admin := http.NewServeMux()
	admin.HandleFunc("GET /admin/readyz", health) // want `health route "GET /admin/readyz" is behind auth middleware authMiddleware`
	go func() {
		http.ListenAndServe(":9091", authMiddleware(admin))
	}()

	open := http.NewServeMux()
	open.HandleFunc("GET /readyz", health)
	func() { http.ListenAndServe(":9092", open) }()
}
