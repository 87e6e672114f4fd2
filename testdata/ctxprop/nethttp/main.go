package nethttp

import (
	"context"
	"net/http"
)

// main is a normal function here; the rule is about inbound scopes, and
// main has none.
func main() {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://config/", nil)
	_ = req
	go func() {
		req, _ := http.NewRequestWithContext(context.TODO(), "GET", "http://config/", nil)
		_ = req
	}()
	// A handler closure registered in main is a handler.
	http.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
		req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://y/", nil) // want `pass r.Context\(\)`
		_ = req
	})
}
