// Command always is the cli fixture run with -ctxprop.always: rules 1
// and 2 everywhere, as noctx does.
package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"sync"
)

func main() {
	req, err := http.NewRequest(http.MethodGet, os.Args[1], nil) // want `http.NewRequest drops the caller's context: .*; use http.NewRequestWithContext\(ctx, \.\.\.\)`
	if err != nil {
		os.Exit(1)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		os.Exit(1)
	}
	fmt.Println(resp.Status)
	resp, _ = http.Get(os.Args[1]) // want `http.Get sends a request without a context`
	_ = resp
	probe()
	// Rule 3 stays inbound-only: main has no inbound context.
	req2, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, "http://x/", nil)
	_ = req2
	// Shared closures stay silent.
	var once sync.Once
	once.Do(func() { http.Get("http://once/") })
}

func probe() {
	http.Head("http://localhost:8080/healthz") // want `http.Head sends a request without a context`
}
