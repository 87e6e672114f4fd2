// Package headers names the headers the module forwards.
package headers

const RequestID = "X-Request-ID"

// CopyTrace copies the W3C trace headers.
func CopyTrace(dst, src interface{ Set(k, v string) }, get func(string) string) {
	for _, h := range []string{"traceparent", "tracestate"} {
		dst.Set(h, get(h))
	}
}
