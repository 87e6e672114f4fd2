package nethttp

import (
	"context"
	"net/http"
	"testing"
)

func TestX(t *testing.T) {
	http.Get("http://x/")
	http.NewRequest("GET", "http://x/", nil)
	http.NewRequestWithContext(context.Background(), "GET", "http://x/", nil)
}
