// Package importfix checks that a fix removing the file's last use of the
// context package removes the import too.
package importfix

import (
	"context"
	"net/http"
)

func handler(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://users/", nil) // want `pass r.Context\(\)`
	http.DefaultClient.Do(req)
}
