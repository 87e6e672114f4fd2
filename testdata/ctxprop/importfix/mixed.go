package importfix

import (
	"context"
	"net/http"
)

// The goroutine's context.Background() stays a use of the context package
// (its fix is context.WithoutCancel), so the rule 3 fix keeps the import.
func mixed(w http.ResponseWriter, r *http.Request) {
	a, _ := http.NewRequestWithContext(context.Background(), "GET", "http://a/", nil) // want `pass r.Context\(\)$`
	_ = a

	go func() {
		http.NewRequestWithContext(context.Background(), "POST", "http://audit/", nil) // want `pass context.WithoutCancel\(r.Context\(\)\)`
	}()
}
