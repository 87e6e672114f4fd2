// Package defaultfixed gives http.DefaultClient a Timeout, so its uses in
// this package are not reported.
package defaultfixed

import (
	"net/http"
	"time"
)

func init() {
	http.DefaultClient.Timeout = 10 * time.Second
}

func get(req *http.Request) {
	http.DefaultClient.Do(req)
}
