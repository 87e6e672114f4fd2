// Command cli is a command-line tool: no inbound request, so ctxprop's
// rules 1 and 2 are silent here by default (flags/always reports them).
package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	req, err := http.NewRequest(http.MethodGet, os.Args[1], nil)
	if err != nil {
		os.Exit(1)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		os.Exit(1)
	}
	fmt.Println(resp.Status)
	resp, _ = http.Get(os.Args[1])
	_ = resp
	probe()
}

func probe() {
	http.Head("http://localhost:8080/healthz")
}
