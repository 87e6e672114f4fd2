// Package client: the module replaces http.DefaultTransport with
// otelhttp.NewTransport, so clients using it inject; a Transport of its
// own does not.
package client

import (
	"net/http"
	"time"
)

func Handle(w http.ResponseWriter, r *http.Request) {
	http.Get("http://users/") // http.DefaultClient uses the instrumented DefaultTransport
	c := &http.Client{Timeout: time.Second}
	c.Get("http://users/") // no Transport: the instrumented DefaultTransport
	own := &http.Client{Transport: &http.Transport{}}
	own.Get("http://users/") // want `\(\*http.Client\).Get through an http.Client whose Transport injects no trace headers`
	via := &http.Client{Transport: http.DefaultTransport}
	via.Get("http://users/") // the instrumented DefaultTransport
}
