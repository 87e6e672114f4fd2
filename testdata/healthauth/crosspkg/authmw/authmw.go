// Package authmw defines middleware whose names say nothing; they are
// recognised by what their bodies do: the analyzer reads this package's
// source when a package of the same module uses them (no analysis facts).
package authmw

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Check rejects requests without a session cookie.
func Check(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("session"); err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Gate is a factory whose closure reads the Authorization header.
func Gate(realm string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") == "" {
				w.Header().Set("WWW-Authenticate", realm)
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// Session is a gin middleware factory that aborts with 403.
func Session() gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Query("sid") == "" {
			c.AbortWithStatus(http.StatusForbidden)
		}
	}
}

// RequireToken exempts health paths: not auth for the rule even though
// its name says token.
func RequireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" {
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

// Trace is neither.
func Trace(next http.Handler) http.Handler { return next }

// NotMiddleware writes 401 but is not middleware-shaped: never judged.
func NotMiddleware(w http.ResponseWriter) { w.WriteHeader(http.StatusUnauthorized) }
