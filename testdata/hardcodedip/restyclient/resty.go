package restyclient

import (
	"context"
	"fmt"

	restyv2 "github.com/go-resty/resty/v2"
	"resty.dev/v3"
)

const billing = "http://10.0.0.7:8080"

func v2(ctx context.Context, id string, port int) {
	c := restyv2.New()
	c.SetBaseURL("http://10.0.0.5:8080")                                       // want `hard-coded IP 10.0.0.5 in \(\*resty.Client\).SetBaseURL`
	c.SetHostURL("http://10.0.0.6")                                            // want `hard-coded IP 10.0.0.6 in \(\*resty.Client\).SetHostURL`
	c.R().Get("http://10.1.0.1/users/" + id)                                   // want `hard-coded IP 10.1.0.1 in \(\*resty.Request\).Get`
	c.R().SetContext(ctx).Post(fmt.Sprintf("http://10.1.0.2:%d/charge", port)) // want `hard-coded IP 10.1.0.2 in \(\*resty.Request\).Post`
	c.R().Put(billing + "/x")                                                  // want `10.0.0.7`
	c.R().Patch("http://10.1.0.3/")                                            // want `10.1.0.3`
	c.R().Delete("http://10.1.0.4/")                                           // want `10.1.0.4`
	c.R().Head("http://10.1.0.5/")                                             // want `10.1.0.5`
	c.R().Options("http://10.1.0.6/")                                          // want `10.1.0.6`
	c.R().Execute("GET", "http://10.1.0.7/")                                   // want `hard-coded IP 10.1.0.7 in \(\*resty.Request\).Execute`
	restyv2.New().SetBaseURL("https://10.1.0.8")                               // want `10.1.0.8`

	// Not flagged: names, relative paths under a base URL, loopback, unknown.
	c.SetBaseURL("http://billing.payments.svc.cluster.local:8080")
	c.R().Get("/users/" + id)
	c.R().Get("http://127.0.0.1:9000/debug")
	c.R().Get(fmt.Sprintf("http://%s/users", id))
	c.R().Get("http://169.254.169.254/latest/meta-data/")
}

func v3(ctx context.Context) {
	c := resty.New()
	defer c.Close()
	c.SetBaseURL("http://10.2.0.1:8080")               // want `hard-coded IP 10.2.0.1 in \(\*resty.Client\).SetBaseURL`
	c.R().Get("http://10.2.0.2/x")                     // want `hard-coded IP 10.2.0.2 in \(\*resty.Request\).Get`
	c.R().SetContext(ctx).Trace("http://10.2.0.3/")    // want `10.2.0.3`
	c.R().SetURL("http://10.2.0.4/x").Send()           // want `hard-coded IP 10.2.0.4 in \(\*resty.Request\).SetURL`
	c.R().SetMethod("POST").SetURL("/relative").Send() // relative: the base URL decides
	c.R().Get("http://orders.shop.svc.cluster.local/")
}
