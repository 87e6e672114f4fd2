package basic

import (
	"net/http"
	"time"

	"example.com/fixtures/ext/retrylike"
)

type Svc struct {
	client *http.Client
	name   string
}

type ValueSvc struct {
	http.Client
	name string
}

func NewSvc() *Svc {
	return &Svc{client: &http.Client{}, name: "users"} // want `http.Client has no Timeout`
}

func NewSvcPositional() *Svc {
	return &Svc{&http.Client{}, "users"} // want `http.Client has no Timeout`
}

func NewValueSvc() *ValueSvc {
	return &ValueSvc{Client: http.Client{}} // want `http.Client has no Timeout`
}

func NewSvcTimeout(d time.Duration) *Svc {
	s := &Svc{client: &http.Client{}}
	s.client.Timeout = d
	return s
}

func NewValueSvcTimeout(d time.Duration) *ValueSvc {
	s := &ValueSvc{Client: http.Client{}}
	s.Client.Timeout = d
	return s
}

func NewSvcOtherVar(d time.Duration) *Svc {
	s := &Svc{client: &http.Client{}} // want `http.Client has no Timeout`
	other := &Svc{client: &http.Client{Timeout: d}}
	other.client.Timeout = d
	return s
}

// The field is set by a method of the same package.
func NewSvcSetup() *Svc {
	s := &Svc{client: &http.Client{}}
	s.setup()
	return s
}

func (s *Svc) setup() { s.client.Timeout = 5 * time.Second }

// Assigned on a struct field after construction.
func (s *Svc) init2() {
	s.client = &http.Client{}
	s.client.Timeout = time.Second
}

func (s *Svc) init3() {
	s.client = &http.Client{} // want `http.Client has no Timeout`
}

// Set by a same-package helper the client is passed to.
func configure(c *http.Client) { c.Timeout = 5 * time.Second }

func noop(c *http.Client) {}

func withConfigure() *http.Client {
	c := &http.Client{}
	configure(c)
	return c
}

func withNoop() *http.Client {
	c := &http.Client{} // want `http.Client has no Timeout`
	noop(c)
	return c
}

// Functional options may set it: meshlint cannot tell, so it stays silent.
func withOptions(opts ...func(*http.Client)) *http.Client {
	c := &http.Client{}
	for _, o := range opts {
		o(c)
	}
	return c
}

// A constructor whose only caller sets the Timeout.
func newBareClient() *http.Client {
	return &http.Client{}
}

func useBare() {
	c := newBareClient()
	c.Timeout = 3 * time.Second
	_ = c
}

// retryablehttp-style wrappers: the client inside the wrapper literal.
func retry(d time.Duration) {
	_ = &retrylike.Client{HTTPClient: &http.Client{}, RetryMax: 3} // want `http.Client has no Timeout`
	_ = &retrylike.Client{HTTPClient: &http.Client{Timeout: 10 * time.Second}}

	rc := retrylike.NewClient()
	rc.HTTPClient = &http.Client{} // want `http.Client has no Timeout`

	rc2 := retrylike.NewClient()
	rc2.HTTPClient = &http.Client{}
	rc2.HTTPClient.Timeout = d

	rc3 := &retrylike.Client{HTTPClient: &http.Client{}}
	rc3.HTTPClient.Timeout = d
}

// Pointer alias: the client is reached through a field.
func aliasThroughField(d time.Duration) *Svc {
	c := &http.Client{}
	s := &Svc{client: c}
	s.client.Timeout = d
	return s
}

// Generics that touch http.Client.
type Wrapper[T any] struct {
	HTTP *http.Client
	last T
}

func NewWrapper[T any]() *Wrapper[T] {
	return &Wrapper[T]{HTTP: &http.Client{}} // want `http.Client has no Timeout`
}

func NewWrapperTimeout[T any](d time.Duration) *Wrapper[T] {
	w := &Wrapper[T]{HTTP: &http.Client{}}
	w.HTTP.Timeout = d
	return w
}

func Fetch[T any](c *http.Client, url string, decode func(*http.Response) (T, error)) (T, error) {
	var zero T
	resp, err := c.Get(url)
	if err != nil {
		return zero, err
	}
	defer resp.Body.Close()
	return decode(resp)
}

func ClientFor[T interface{ Timeout() time.Duration }](t T) *http.Client {
	return &http.Client{Timeout: t.Timeout()}
}

// Embedded clients: the promoted Timeout field.
type Embedding struct {
	*http.Client
	retries int
}

func NewEmbedding(d time.Duration) *Embedding {
	e := &Embedding{Client: &http.Client{}}
	e.Timeout = d
	return e
}

func NewEmbeddingBad() *Embedding {
	return &Embedding{Client: &http.Client{}, retries: 3} // want `http.Client has no Timeout`
}
