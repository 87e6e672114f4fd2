// Package clients holds resty and go-retryablehttp requests.
package clients

import (
	"context"
	"net/http"

	resty2 "github.com/go-resty/resty/v2"
	resty3 "resty.dev/v3"
)

type API struct {
	c2 *resty2.Client
	c3 *resty3.Client
}

func (a *API) Users(w http.ResponseWriter, r *http.Request) {
	a.c2.R().SetHeader("Accept", "application/json").Get("http://users/") // want `resty request sent by Get without SetContext: .*; call .SetContext\(r.Context\(\)\) on the request`
	a.c3.R().Post("http://users/")                                        // want `resty request sent by Post without SetContext`
	a.c2.R().SetContext(context.Background()).Get("http://users/")        // want `context.Background\(\) passed to \(\*resty.Request\).SetContext inside a request handler`
	req := a.c2.R()
	req.Execute(http.MethodDelete, "http://users/1") // want `resty request sent by Execute without SetContext`
}

// Not flagged: the request carries the inbound context.
func (a *API) Good(w http.ResponseWriter, r *http.Request) {
	a.c2.R().SetContext(r.Context()).Get("http://users/")
	a.c3.R().SetHeader("A", "b").SetContext(r.Context()).Put("http://users/")
	req := a.c2.R()
	req.SetContext(r.Context())
	req.Get("http://users/")
	req2 := a.c3.R().SetContext(r.Context())
	req2.Delete("http://users/1")
}

// Not flagged: a request made elsewhere (it may carry a context).
func (a *API) Given(w http.ResponseWriter, r *http.Request, req *resty2.Request) {
	req.Get("http://users/")
}

// Not flagged: no inbound context in scope.
func (a *API) Warm() { // want Warm:`drops the context: a resty request sent without SetContext at ctxprop/clients/resty.go:43`
	a.c2.R().Get("http://users/")
}
