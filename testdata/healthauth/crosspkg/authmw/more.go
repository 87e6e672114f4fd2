package authmw

import (
	"context"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	web "net/http"
)

// publicPaths is a skip list: TokenCheck exempts what it names.
var publicPaths = []string{livePath, "/metrics"}

const livePath = "/livez"

// Bouncer answers 403 through a helper of this file.
func Bouncer(next web.Handler) web.Handler {
	return web.HandlerFunc(func(w web.ResponseWriter, r *web.Request) {
		if _, err := r.Cookie("sid"); err != nil {
			deny(w)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func deny(w web.ResponseWriter) { w.WriteHeader(403) }

// Screen reads the Authorization header through net/http imported as web.
func Screen(next web.HandlerFunc) web.HandlerFunc {
	return func(w web.ResponseWriter, r *web.Request) {
		if len(r.Header.Values("Authorization")) == 0 {
			web.Error(w, "no", web.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

// TokenCheck says token but exempts the paths of a skip list: not auth.
func TokenCheck(next web.Handler) web.Handler {
	return web.HandlerFunc(func(w web.ResponseWriter, r *web.Request) {
		for _, p := range publicPaths {
			if strings.HasPrefix(r.URL.Path, p) {
				next.ServeHTTP(w, r)
				return
			}
		}
		if r.Header.Get("Authorization") == "" {
			w.WriteHeader(web.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Keeper holds sessions; its Wrap method rejects through a method helper.
type Keeper struct{ sessions map[string]bool }

// Wrap is middleware by behaviour only (neither Keeper nor Wrap says auth).
func (k *Keeper) Wrap(next web.Handler) web.Handler {
	return web.HandlerFunc(func(w web.ResponseWriter, r *web.Request) {
		if !k.known(r) {
			k.reject(w)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (k *Keeper) known(r *web.Request) bool { return k.sessions[r.RemoteAddr] }

func (k *Keeper) reject(w web.ResponseWriter) { w.WriteHeader(web.StatusUnauthorized) }

// Vet is a gRPC interceptor that answers PermissionDenied.
func Vet(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if ctx.Value("caller") == nil {
		return nil, status.Error(codes.PermissionDenied, "denied")
	}
	return handler(ctx, req)
}

// Count writes 401 only in a string: not auth.
func Count(next web.Handler) web.Handler {
	return web.HandlerFunc(func(w web.ResponseWriter, r *web.Request) {
		w.Header().Set("X-Seen", "401")
		next.ServeHTTP(w, r)
	})
}

// denied is the status Refuse answers with.
const denied = 403

// Refuse answers 403 through a constant of this file.
func Refuse(next web.Handler) web.Handler {
	return web.HandlerFunc(func(w web.ResponseWriter, r *web.Request) {
		if r.TLS == nil {
			web.Error(w, "tls required", denied)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Realm checks basic credentials (it answers 404, not 401).
func Realm(next web.Handler) web.Handler {
	return web.HandlerFunc(func(w web.ResponseWriter, r *web.Request) {
		if _, _, ok := r.BasicAuth(); !ok {
			web.NotFound(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Door rejects through a helper declared in another file of the package.
func Door(next web.Handler) web.Handler {
	return web.HandlerFunc(func(w web.ResponseWriter, r *web.Request) {
		if r.Header.Get("X-Session") == "" {
			unauthorized(w)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// SessionAuth says auth but exempts readyPath, a constant of another
// file: not auth for the rule.
func SessionAuth(next web.Handler) web.Handler {
	return web.HandlerFunc(func(w web.ResponseWriter, r *web.Request) {
		if r.URL.Path != readyPath && r.Header.Get("Authorization") == "" {
			unauthorized(w)
			return
		}
		next.ServeHTTP(w, r)
	})
}
