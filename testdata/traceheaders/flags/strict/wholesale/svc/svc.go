// Package svc forwards every inbound header by hand: the module
// propagates, and rule 5 is silent even with -traceheaders.strict.
package svc

import "net/http"

func Handle(w http.ResponseWriter, r *http.Request) {
	http.Get("http://users/")
	forward(r)
}

func forward(r *http.Request) {
	out, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://orders/", nil)
	for k, vs := range r.Header {
		for _, v := range vs {
			out.Header.Add(k, v)
		}
	}
	http.DefaultClient.Do(out)
}
