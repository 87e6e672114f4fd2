package importfix

import (
	"context"
	"net/http"
)

// Two Background() calls and no other use of context: applying one fix
// alone would leave the import used, both would leave it unused. No fix.
func double(w http.ResponseWriter, r *http.Request) {
	a, _ := http.NewRequestWithContext(context.Background(), "GET", "http://a/", nil) // want `pass r.Context\(\)`

	b, _ := http.NewRequestWithContext(context.TODO(), "GET", "http://b/", nil) // want `pass r.Context\(\)`
	_, _ = a, b
}
