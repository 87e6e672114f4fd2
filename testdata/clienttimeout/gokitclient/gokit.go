package gokitclient

import (
	"context"
	"net/http"
	"net/url"
	"time"

	httptransport "github.com/go-kit/kit/transport/http"
)

func enc(context.Context, *http.Request, interface{}) error       { return nil }
func dec(context.Context, *http.Response) (interface{}, error)    { return nil, nil }
func mkreq(context.Context, interface{}) (*http.Request, error)   { return nil, nil }
func before(ctx context.Context, r *http.Request) context.Context { return ctx }
func options() []httptransport.ClientOption                       { return nil }
func custom(c *http.Client) httptransport.ClientOption            { return httptransport.SetClient(c) }

var client = &http.Client{Timeout: 10 * time.Second}

// Flagged: no SetClient option: the client sends through http.DefaultClient.
func bare(u *url.URL) {
	httptransport.NewClient("GET", u, enc, dec)                                     // want `^go-kit's NewClient has no SetClient option, so it sends through http.DefaultClient, which has no Timeout: a stalled upstream behind the sidecar holds the request forever; pass the SetClient\(&http.Client\{Timeout: 10 \* time.Second\}\) option$`
	httptransport.NewClient("GET", u, enc, dec, httptransport.ClientBefore(before)) // want `go-kit's NewClient has no SetClient option`
	httptransport.NewExplicitClient(mkreq, dec, httptransport.BufferedStream(true)) // want `go-kit's NewExplicitClient has no SetClient option`
	opt := httptransport.ClientBefore(before)
	httptransport.NewClient("GET", u, enc, dec, opt, func(*httptransport.Client) {}) // want `go-kit's NewClient has no SetClient option`
}

// Not flagged: a SetClient option, or options meshlint cannot see into.
func withClient(u *url.URL, opts ...httptransport.ClientOption) {
	httptransport.NewClient("GET", u, enc, dec, httptransport.SetClient(client))
	httptransport.NewClient("GET", u, enc, dec, httptransport.ClientBefore(before), httptransport.SetClient(client))
	sc := httptransport.SetClient(client)
	httptransport.NewExplicitClient(mkreq, dec, sc)
	httptransport.NewClient("GET", u, enc, dec, opts...)
	httptransport.NewClient("GET", u, enc, dec, options()...)
	httptransport.NewClient("GET", u, enc, dec, custom(client))
}
