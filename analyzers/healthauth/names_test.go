package healthauth

import (
	"reflect"
	"testing"
)

func TestNameIsAuth(t *testing.T) {
	yes := []string{
		"auth", "AuthMiddleware", "requireAuth", "JWTAuth", "jwtMiddleware", "OAuth2", "oidcVerifier",
		"BearerToken", "checkToken", "APIKey", "apiKeyMiddleware", "require_api_key", "LoginRequired",
		"RBAC", "checkACL", "ACLMiddleware", "RequirePermission", "protected", "Guard", "adminGuard",
		"SignIn", "signin", "Authorize", "authorization", "Authenticator", "authz", "authn",
	}
	no := []string{
		"Author", "authors", "AuthorityCheck", "Tokenizer", "tokenize", "guardrail", "oracle", "OracleDB",
		"TokenBucket", "rateLimitByToken", "csrfProtect", "corsMiddleware", "optionalAuth", "noAuth",
		"requestSigning", "logging", "Recoverer", "Middleware", "Handler", "", "publicToken", "racle", "miracle",
	}
	for _, n := range yes {
		if !nameIsAuth(n) {
			t.Errorf("nameIsAuth(%q) = false, want true", n)
		}
	}
	for _, n := range no {
		if nameIsAuth(n) {
			t.Errorf("nameIsAuth(%q) = true, want false", n)
		}
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string][]string{
		"JWTAuthMiddleware": {"jwt", "auth", "middleware"},
		"require_api_key":   {"require", "api", "key"},
		"checkACL":          {"check", "acl"},
		"OAuth2Handler":     {"o", "auth", "handler"},
		"x":                 {"x"},
	} {
		if got := words(in); !reflect.DeepEqual(got, want) {
			t.Errorf("words(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsGeneric(t *testing.T) {
	for n, want := range map[string]bool{
		"Middleware": true, "NewMiddleware": true, "UnaryServerInterceptor": true, "Handler": true,
		"AuthMiddleware": false, "Logger": false, "": false,
	} {
		if got := isGeneric(n); got != want {
			t.Errorf("isGeneric(%q) = %v, want %v", n, got, want)
		}
	}
}

func TestIsHealthPath(t *testing.T) {
	s := newSegmentList(defaultSegments)
	for _, c := range []struct {
		path     string
		complete bool
		want     bool
	}{
		{"/healthz", true, true},
		{"GET /readyz", true, true},
		{"GET example.com/livez", true, true},
		{"/api/v1/health", true, true},
		{"/health/:check", true, true},
		{"/healthz/{$}", true, true},
		{"/Ping", true, true},
		{"/healthcheck", true, false},
		{"/users", true, false},
		{"/api/liveness", true, true},
		{"/heal", false, false},
		{"/health/", false, true},
		{"/healthz", false, false}, // last segment may be cut: "/healthz" + x
		{"", true, false},
		{"/", true, false},
	} {
		if got := s.isHealthPath(c.path, c.complete); got != c.want {
			t.Errorf("isHealthPath(%q, %v) = %v, want %v", c.path, c.complete, got, c.want)
		}
	}
	if !s.mentionsHealth("/grpc.health.v1.Health/Check") || s.mentionsHealth("no token for you") {
		t.Error("mentionsHealth")
	}
}
