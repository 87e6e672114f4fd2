//go:build go1.20

// Package oldgo is compiled as Go 1.20 (file version below 1.21):
// context.WithoutCancel is not offered as a fix.
package oldgo

import (
	"context"
	"net/http"
)

func handler(w http.ResponseWriter, r *http.Request) {
	go func() {
		http.NewRequestWithContext(context.Background(), "GET", "http://audit/", nil) // want `in a goroutine started inside a request handler`
	}()
}
