package basic

import (
	"net/http"
	nethttp "net/http"
	"net/url"
	"strings"
	"time"
)

type API struct{ c *http.Client }

func NewAPI(c *http.Client) *API { return &API{c: c} }

func defaultClient(req *http.Request, c *http.Client) {
	http.DefaultClient.Do(req)                 // want `^http.DefaultClient has no Timeout: a stalled upstream behind the sidecar holds the request forever; use your own &http.Client\{Timeout: 10 \* time.Second\}$`
	nethttp.DefaultClient.Get("http://users/") // want `http.DefaultClient has no Timeout`
	_ = NewAPI(http.DefaultClient)             // want `http.DefaultClient has no Timeout`
	var dc *http.Client = http.DefaultClient   // want `http.DefaultClient has no Timeout`
	c = http.DefaultClient                     // want `http.DefaultClient has no Timeout`
	get := http.DefaultClient.Get              // want `http.DefaultClient has no Timeout`
	_ = &API{c: (http.DefaultClient)}          // want `http.DefaultClient has no Timeout`
	cp := *http.DefaultClient                  // want `http.DefaultClient has no Timeout`
	cp2 := *http.DefaultClient
	cp2.Timeout = 5 * time.Second
	_, _, _, _, _ = dc, c, get, cp, cp2

	// Comparisons make no request.
	if c == http.DefaultClient || c != nethttp.DefaultClient {
		return
	}
	switch c {
	case http.DefaultClient:
	}
}

func pkgFuncs(u string, form url.Values) {
	http.Get(u)                                       // want `^http.Get uses http.DefaultClient, which has no Timeout: a stalled upstream behind the sidecar holds the request forever; use your own &http.Client\{Timeout: 10 \* time.Second\} and call its Get method$`
	http.Head(u)                                      // want `http.Head uses http.DefaultClient`
	http.Post(u, "text/plain", strings.NewReader("")) // want `http.Post uses http.DefaultClient`
	http.PostForm(u, form)                            // want `http.PostForm uses http.DefaultClient`
	nethttp.Get(u)                                    // want `http.Get uses http.DefaultClient`

	// Methods on a client of your own are not package-level functions.
	c := &http.Client{Timeout: 5}
	c.Get(u)
	c.Head(u)
	(*http.Client).Get(c, u)
}

var fetch = http.Get // want `http.Get uses http.DefaultClient`

func useFetch(u string) { fetch(u) }
