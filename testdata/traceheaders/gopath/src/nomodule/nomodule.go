// Package nomodule is analysed in GOPATH mode, where the driver names no
// module: the module-wide rules stay silent (never guess).
package nomodule

import "net/http"

var client = &http.Client{}

func Proxy(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://users/", nil)
	req.Header.Set("X-Request-Id", r.Header.Get("X-Request-Id")) // module unknown: silent
	client.Do(req)                                               // module unknown: silent under -strict too
}
