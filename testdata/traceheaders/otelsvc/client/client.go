// Package client makes outbound HTTP calls in a module whose inbound side
// is instrumented (package server): rule 2.
package client

import (
	"context"
	"log"
	"net/http"
	"sync"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"example.com/otelsvc/transports"
)

var (
	plainClient  = &http.Client{Timeout: 5 * time.Second}
	tracedClient = &http.Client{Timeout: 5 * time.Second, Transport: otelhttp.NewTransport(http.DefaultTransport)}
	poolClient   = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 50}}
	// Exported: package configure gives it a Transport.
	Exported = &http.Client{}
	// ExportedPlain: no package of the module touches it.
	ExportedPlain = &http.Client{}
	once          sync.Once
)

type Svc struct {
	client *http.Client
}

func (s *Svc) Handle(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://users/", nil)

	http.Get("http://users/")           // want `http.Get sends through http.DefaultClient, which injects no trace headers although the module instruments its inbound side: the sidecar cannot join this call to the inbound trace \(no traceparent\); use a client with Transport: otelhttp.NewTransport\(http.DefaultTransport\)`
	http.Post("http://users/", "", nil) // want `http.Post sends through http.DefaultClient`
	http.DefaultClient.Do(req)          // want `\(\*http.Client\).Do on http.DefaultClient, which injects no trace headers`
	plainClient.Do(req)                 // want `\(\*http.Client\).Do through an http.Client with no Transport \(http.DefaultTransport injects no trace headers\)`
	poolClient.Get("http://users/")     // want `\(\*http.Client\).Get through an http.Client whose Transport injects no trace headers`
	tracedClient.Do(req)                // otelhttp.NewTransport injects
	s.client.Do(req)                    // a struct field filled elsewhere
	Exported.Do(req)                    // exported, and configured by another package of the module
	ExportedPlain.Do(req)               // want `through an http.Client with no Transport`
	newClient().Do(req)                 // a function result

	local := &http.Client{Transport: &http.Transport{}}
	local.Do(req) // want `through an http.Client whose Transport injects no trace headers`

	later := &http.Client{}
	later.Transport = otelhttp.NewTransport(http.DefaultTransport)
	later.Do(req) // Transport set afterwards

	configured := &http.Client{}
	configure(configured)
	configured.Do(req) // given to a function of the package that sets its Transport

	(&http.Client{}).Do(req) // want `through an http.Client with no Transport`
	new(http.Client).Do(req) // want `through an http.Client with no Transport`
	wrapping(req)
	injecting(req)
	go func() {
		plainClient.Do(req) // want `with no Transport`
	}()
	once.Do(func() {
		plainClient.Do(req) // shared across requests: no inbound scope
	})
	w.WriteHeader(http.StatusOK)
}

func newClient() *http.Client { return &http.Client{} }

func configure(c *http.Client) { c.Transport = otelhttp.NewTransport(http.DefaultTransport) }

// logging is a RoundTripper of the package that adds no header.
type logging struct {
	next http.RoundTripper
}

func (l *logging) RoundTrip(r *http.Request) (*http.Response, error) {
	log.Println(r.Method, r.URL)
	next := l.next
	if next == nil {
		next = http.DefaultTransport
	}
	return next.RoundTrip(r)
}

// wrapping: a context.Context parameter makes an inbound scope.
func wrapping(req *http.Request) {
	ctx := req.Context()
	_ = ctx
	c := &http.Client{Transport: &logging{next: http.DefaultTransport}}
	c.Do(req) // want `through an http.Client whose Transport injects no trace headers`
	r2 := &http.Client{Transport: &transports.Retry{Base: &http.Transport{}}}
	r2.Do(req) // want `whose Transport injects no trace headers`
	r3 := &http.Client{Transport: &logging{}}
	r3.Do(req) // want `whose Transport injects no trace headers`
}

func injecting(req *http.Request) {
	a := &http.Client{Transport: &transports.Injecting{Next: http.DefaultTransport}}
	a.Do(req) // RoundTrip injects (another package of the module)
	b := &http.Client{Transport: &transports.Headers{Next: http.DefaultTransport}}
	b.Do(req) // RoundTrip sets traceparent
	c := &http.Client{Transport: &transports.Retry{Base: otelhttp.NewTransport(http.DefaultTransport)}}
	c.Do(req) // wraps otelhttp
	d := &http.Client{Transport: transports.Fake{}}
	d.Do(req) // answers requests itself: not judged
	e := &http.Client{Transport: &logging{next: injectingFrom()}}
	e.Do(req) // wraps what a function returns: not judged
}

func injectingFrom() http.RoundTripper { return otelhttp.NewTransport(http.DefaultTransport) }

// Fetch has a context parameter: an inbound scope.
func Fetch(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	_, err = plainClient.Do(req) // want `with no Transport`
	return err
}

// FetchWith judges nothing of a client it is given.
func FetchWith(ctx context.Context, c *http.Client, req *http.Request) {
	c.Do(req)
}

// Warm runs at start-up: no inbound scope.
func Warm() {
	http.Get("http://users/warm")
	plainClient.Get("http://users/warm")
}

func init() {
	http.Get("http://users/init")
}
