package healthauth

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/meshlint/meshlint/internal/lint"
)

// defaultSegments are the path segments that make a route a health route
// (SPEC healthauth).
var defaultSegments = []string{"health", "healthz", "healthy", "live", "livez", "liveness", "ready", "readyz", "readiness", "ping"}

// segmentList is the -healthauth.paths flag: a comma-separated list of
// segment names that replaces defaultSegments.
type segmentList struct {
	list []string
	set  map[string]bool
}

func newSegmentList(names []string) *segmentList {
	s := &segmentList{}
	s.replace(names)
	return s
}

func (s *segmentList) replace(names []string) {
	s.list = nil
	s.set = make(map[string]bool)
	for _, n := range names {
		if !s.set[n] {
			s.list = append(s.list, n)
			s.set[n] = true
		}
	}
}

func (s *segmentList) String() string {
	if s == nil {
		return ""
	}
	return strings.Join(s.list, ",")
}

// Set replaces the list. Empty items and items holding '/' or spaces are
// usage errors; the list is left unchanged on error.
func (s *segmentList) Set(value string) error {
	var names []string
	for _, item := range strings.Split(value, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			return fmt.Errorf("empty item in %q (want comma-separated segment names, e.g. healthz,readyz)", value)
		}
		if strings.ContainsAny(item, "/ \t") {
			return fmt.Errorf("%q is not a path segment name (want e.g. healthz, without slashes)", item)
		}
		names = append(names, strings.ToLower(item))
	}
	s.replace(names)
	return nil
}

// isHealthPath reports whether a route pattern names a health endpoint: one
// of its segments is a health segment. It accepts Go 1.22 ServeMux patterns
// ("GET /healthz", "GET example.com/livez") and gin/echo/chi parameters.
// When complete is false, s is only the known leading text of the path and
// its last (possibly cut) segment is ignored.
func (s *segmentList) isHealthPath(path string, complete bool) bool {
	if i := strings.IndexAny(path, " \t"); i >= 0 && !strings.HasPrefix(path, "/") {
		path = strings.TrimSpace(path[i+1:]) // "GET /healthz"
	}
	if !strings.HasPrefix(path, "/") {
		if i := strings.Index(path, "/"); i >= 0 {
			path = path[i:] // "example.com/healthz"
		}
	}
	segs := strings.Split(path, "/")
	if !complete && len(segs) > 0 {
		segs = segs[:len(segs)-1]
	}
	for _, seg := range segs {
		if s.set[strings.ToLower(seg)] {
			return true
		}
	}
	return false
}

// anyConstant reports whether some string constant of the package
// contains a health segment (a cheap superset of "a health path may be
// known here": "/api/v1/healthz", "readyz", "GET /ping").
func (s *segmentList) anyConstant(p *lint.Pass) bool {
	return p.AnyStringConstant(func(str string) bool {
		str = strings.ToLower(str)
		for seg := range s.set {
			if strings.Contains(str, seg) {
				return true
			}
		}
		return false
	})
}

// mentionsHealth reports whether a string constant found in a middleware
// body names a health endpoint: a health path ("/healthz", "healthz"), or
// the gRPC health service ("/grpc.health.v1.Health/Check").
func (s *segmentList) mentionsHealth(str string) bool {
	if strings.Contains(str, "grpc.health.v1.Health") {
		return true
	}
	if len(str) > 200 || strings.ContainsAny(str, " \t\n") && !strings.HasPrefix(strings.ToUpper(str), "GET ") {
		return false
	}
	return s.isHealthPath(str, true)
}

// words splits an identifier into lower-case words at camelCase, digit and
// underscore boundaries: "JWTAuthMiddleware" → jwt auth middleware,
// "require_api_key" → require api key.
func words(name string) []string {
	var out []string
	rs := []rune(name)
	start := 0
	flush := func(end int) {
		if end > start {
			w := strings.ToLower(string(rs[start:end]))
			w = strings.Trim(w, "_-.0123456789")
			if w != "" {
				out = append(out, w)
			}
		}
		start = end
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '_' || r == '-' || r == '.' {
			flush(i)
			start = i + 1
			continue
		}
		if i > start && unicode.IsUpper(r) {
			prev := rs[i-1]
			next := rune(0)
			if i+1 < len(rs) {
				next = rs[i+1]
			}
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && unicode.IsLower(next)) {
				flush(i)
			}
		}
	}
	flush(len(rs))
	return out
}

// notAuthWords mark names that mention auth-like words but are not
// credential checks: rate limiters ("TokenBucket"), CSRF/CORS and header
// middleware ("csrf.Protect", "xssProtection"), tokenizers, guardrails, and
// middleware that explicitly runs without auth ("optionalAuth", "noAuth",
// "publicTokenInfo").
var notAuthWords = []string{
	"csrf", "xsrf", "cors", "ratelimit", "limit", "throttl", "bucket", "tokeniz",
	"guardrail", "noauth", "skipauth", "withoutauth", "optional", "unauth", "anonymous",
	"public", "bypass", "exempt", "xss", "ddos", "clickjack", "panic", "recover",
}

// vetoed reports whether a name says the middleware is something other
// than a credential check (csrfMiddleware, rateLimiter, optionalAuth). It
// vetoes the name rule and the behaviour rule alike: a CSRF middleware
// answers 403 to forged POSTs, not to probes.
func vetoed(name string) bool {
	lower := strings.ToLower(strings.ReplaceAll(name, "_", ""))
	for _, w := range notAuthWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// authSubstrings are matched anywhere in the lower-cased name (underscores
// removed); they are unlikely inside unrelated English words.
var authSubstrings = []string{"jwt", "oauth", "oidc", "bearer", "apikey", "login", "rbac", "permission", "protect", "guard", "token"}

// nameIsAuth implements the SPEC name rule: the name contains
// (case-insensitive) auth, jwt, oauth, oidc, bearer, token, apikey, login,
// rbac, acl, permission, protect, guard or signin. To stay precise the
// match is careful where plain substrings would misfire:
//   - "auth" does not match inside "author"/"authority" (but does in
//     "authorize"/"authorization");
//   - "acl" must be a whole camelCase word ("checkACL", not "oracle");
//   - "signin" does not match "signing" ("requestSigning");
//   - names with a notAuthWords entry ("TokenBucket", "csrf.Protect",
//     "optionalAuth", "Tokenizer", "guardrail") never match.
func nameIsAuth(name string) bool {
	if name == "" || vetoed(name) {
		return false
	}
	lower := strings.ToLower(strings.ReplaceAll(name, "_", ""))
	for i := 0; ; {
		j := strings.Index(lower[i:], "auth")
		if j < 0 {
			break
		}
		rest := lower[i+j+4:]
		if !strings.HasPrefix(rest, "or") || strings.HasPrefix(rest, "oriz") || strings.HasPrefix(rest, "oris") {
			return true
		}
		i += j + 4
	}
	for _, s := range authSubstrings {
		if strings.Contains(lower, s) {
			return true
		}
	}
	for i := 0; ; {
		j := strings.Index(lower[i:], "signin")
		if j < 0 {
			break
		}
		if k := i + j + 6; k >= len(lower) || lower[k] != 'g' {
			return true
		}
		i += j + 6
	}
	for _, w := range words(name) {
		if w == "acl" || w == "acls" {
			return true
		}
	}
	return false
}

// genericWords are words that say "this is middleware" without saying
// which: a function named only with them (Middleware, NewHandler,
// UnaryServerInterceptor) is judged by its package name or receiver type
// name instead (auth.Middleware, (*JWTMiddleware).Handler).
var genericWords = map[string]bool{
	"new": true, "middleware": true, "middlewares": true, "mw": true, "handler": true, "handle": true,
	"func": true, "wrap": true, "wrapper": true, "interceptor": true, "unary": true, "stream": true,
	"server": true, "http": true, "grpc": true, "gin": true, "echo": true, "with": true, "must": true,
	"serve": true, "chain": true, "default": true, "get": true, "make": true, "build": true, "create": true,
	"config": true, "required": true, "require": true, "check": true, "verify": true, "validate": true,
	"validator": true, "verifier": true, "filter": true, "layer": true, "plugin": true, "v": true,
}

func isGeneric(name string) bool {
	ws := words(name)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !genericWords[w] {
			return false
		}
	}
	return true
}
