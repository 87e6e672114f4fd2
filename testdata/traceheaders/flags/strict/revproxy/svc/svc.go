// Package svc proxies with httputil, which copies every header: rule 5 is
// silent in this module.
package svc

import (
	"net/http"
	"net/http/httputil"
	"net/url"
)

func Proxy(target *url.URL) http.Handler { return httputil.NewSingleHostReverseProxy(target) }

func Handle(w http.ResponseWriter, r *http.Request) {
	http.Get("http://users/")
}
