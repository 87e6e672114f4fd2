// Package gateway builds grpc-gateway muxes: rule 4.
package gateway

import (
	"context"
	"net/http"
	"strings"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc/metadata"
)

func Default() *runtime.ServeMux {
	return runtime.NewServeMux() // want `runtime.NewServeMux without WithIncomingHeaderMatcher or WithMetadata drops x-request-id, traceparent and x-b3-\* headers: grpc-gateway's default matcher forwards only standard headers and Grpc-Metadata-\*, so the backend call cannot be joined to the inbound trace; pass runtime.WithIncomingHeaderMatcher with a matcher that keeps x-request-id, traceparent, tracestate and x-b3-\* \(and falls back to runtime.DefaultHeaderMatcher\)`
}

func OtherOptions() *runtime.ServeMux {
	return runtime.NewServeMux(runtime.WithMarshalerOption(runtime.MIMEWildcard, &runtime.JSONPb{})) // want `runtime.NewServeMux without WithIncomingHeaderMatcher`
}

func Matcher() *runtime.ServeMux {
	return runtime.NewServeMux(runtime.WithIncomingHeaderMatcher(match))
}

func Annotated() *runtime.ServeMux {
	return runtime.NewServeMux(runtime.WithMarshalerOption(runtime.MIMEWildcard, &runtime.JSONPb{}), runtime.WithMetadata(annotate))
}

func Slices() {
	opts := []runtime.ServeMuxOption{runtime.WithIncomingHeaderMatcher(match)}
	runtime.NewServeMux(opts...)

	plain := []runtime.ServeMuxOption{runtime.WithDisablePathLengthFallback()}
	runtime.NewServeMux(plain...) // want `runtime.NewServeMux without WithIncomingHeaderMatcher`

	byVar := runtime.WithIncomingHeaderMatcher(match)
	runtime.NewServeMux(byVar)
}

// With is given its options; Built uses options from a function: not judged.
func With(opts ...runtime.ServeMuxOption) *runtime.ServeMux { return runtime.NewServeMux(opts...) }

func Built() *runtime.ServeMux { return runtime.NewServeMux(options()...) }

func Middleware() *runtime.ServeMux {
	return runtime.NewServeMux(runtime.WithMiddlewares(copyHeaders)) // a middleware may rewrite headers
}

func options() []runtime.ServeMuxOption { return nil }

func copyHeaders(next runtime.HandlerFunc) runtime.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request, p map[string]string) {
		r.Header.Set("Grpc-Metadata-X-Request-Id", r.Header.Get("X-Request-Id"))
		next(w, r, p)
	}
}

func match(key string) (string, bool) {
	switch k := strings.ToLower(key); {
	case k == "x-request-id", k == "traceparent", k == "tracestate", strings.HasPrefix(k, "x-b3-"):
		return k, true
	}
	return runtime.DefaultHeaderMatcher(key)
}

func annotate(ctx context.Context, r *http.Request) metadata.MD {
	return metadata.Pairs("x-request-id", r.Header.Get("X-Request-Id"))
}
