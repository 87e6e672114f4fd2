// Package oldmod is a Go 1.20 module: context.WithoutCancel (Go 1.21) is
// not offered as a fix there; the rule 3 fix is.
package oldmod

import (
	"context"
	"net/http"
)

func handler(w http.ResponseWriter, r *http.Request) {
	go func() {
		http.NewRequestWithContext(context.Background(), "GET", "http://audit/", nil) // want `in a goroutine started inside a request handler .*; pass context.WithoutCancel\(r.Context\(\)\)`
	}()

	http.NewRequestWithContext(context.Background(), "GET", "http://users/", nil) // want `pass r.Context\(\)$`
}

func keep(ctx context.Context) {}
