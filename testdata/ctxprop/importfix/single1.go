package importfix

import "context"
import "net/http"

// A one-spec import declaration: deleting it is not attempted, so no fix.
func single1(w http.ResponseWriter, r *http.Request) {
	http.NewRequestWithContext(context.Background(), "GET", "http://a/", nil) // want `pass r.Context\(\)`
}
