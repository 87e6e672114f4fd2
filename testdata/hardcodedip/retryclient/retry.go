package retryclient

import (
	"context"
	"net/url"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

func requests(ctx context.Context, base string, form url.Values) {
	retryablehttp.NewRequest("GET", "http://10.0.0.5/x", nil)                 // want `hard-coded IP 10.0.0.5 in retryablehttp.NewRequest`
	retryablehttp.NewRequestWithContext(ctx, "GET", "http://10.0.0.6/x", nil) // want `hard-coded IP 10.0.0.6 in retryablehttp.NewRequestWithContext`
	retryablehttp.Get("http://10.0.0.7/x")                                    // want `hard-coded IP 10.0.0.7 in retryablehttp.Get`
	retryablehttp.Head("http://10.0.0.8/x")                                   // want `10.0.0.8`
	retryablehttp.Post("http://10.0.0.9/x", "application/json", nil)          // want `10.0.0.9`
	retryablehttp.PostForm("http://10.0.1.1/x", form)                         // want `10.0.1.1`
	rc := retryablehttp.NewClient()
	rc.HTTPClient.Timeout = 10 * time.Second
	rc.Get("http://10.0.1.2/x") // want `hard-coded IP 10.0.1.2 in \(\*retryablehttp.Client\).Get`

	retryablehttp.NewRequest("GET", base+"/x", nil)
	retryablehttp.NewRequest("GET", "http://users.default.svc.cluster.local/x", nil)
	rc.Get("http://[::1]:8080/")
}
