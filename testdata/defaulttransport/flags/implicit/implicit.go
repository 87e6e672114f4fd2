// Package implicit is analyzed with -defaulttransport.implicit.
package implicit

import (
	"net/http"
	"time"
)

func clients(t *http.Transport) {
	_ = &http.Client{Timeout: 5 * time.Second} // want `^http.Client has no Transport, so it uses http.DefaultTransport: 2 idle connections per host make a busy client open a new connection through the sidecar for most requests; set Transport to your own \*http.Transport with MaxIdleConnsPerHost: 100, IdleConnTimeout: 30 \* time.Second$`
	_ = http.Client{Transport: nil}            // want `http.Client has no Transport`

	_ = &http.Client{Transport: t, Timeout: 5 * time.Second}
	c := &http.Client{Timeout: time.Second}
	c.Transport = t
}
