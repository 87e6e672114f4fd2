// Package nilreq: r.Context() is offered as a fix only where r cannot be
// nil (a real service passed nil for the request on one path).
package nilreq

import (
	"context"
	"net/http"
)

// forward may be called with a nil request: the finding stays, no fix.
func forward(r *http.Request, url string) (*http.Request, error) {
	return http.NewRequest(http.MethodGet, url, nil) // want `http.NewRequest drops the caller's context: .*; use http.NewRequestWithContext\(r.Context\(\), \.\.\.\)`
}

// audit dereferences r before the call: the fix is safe.
func audit(r *http.Request) {
	path := r.URL.Path
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, "http://audit/"+path, nil) // want `pass r.Context\(\)`
	http.DefaultClient.Do(req)
}

// guarded dereferences r only in a branch that does not hold the call:
// r may still be nil there, no fix.
func guarded(r *http.Request) {
	if r != nil {
		_ = r.Method
	}
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, "http://audit/", nil) // want `pass r.Context\(\)`
	http.DefaultClient.Do(req)
}

// A handler's request is never nil: fix.
func handler(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest(http.MethodGet, "http://users/", nil) // want `use http.NewRequestWithContext\(r.Context\(\), \.\.\.\)`
	http.DefaultClient.Do(req)
}
