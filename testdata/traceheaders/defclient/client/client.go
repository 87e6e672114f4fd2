package client

import (
	"context"
	"net/http"
	"time"
)

func Get(ctx context.Context) {
	http.Get("http://users/") // http.DefaultClient's Transport is instrumented
	c := &http.Client{Timeout: time.Second}
	c.Get("http://users/") // want `through an http.Client with no Transport`
}
