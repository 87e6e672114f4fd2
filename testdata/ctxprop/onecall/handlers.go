// Package onecall holds rule 6: the context dropped one call away.
package onecall

import (
	"context"
	"net/http"
	"time"

	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	"example.com/fixtures/ctxprop/onecall/backend"
)

type API struct {
	users *backend.Client
	conn  *grpc.ClientConn
}

// A helper of the same package without a context that makes a rule 1 call.
func (a *API) load(id string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, "http://users/"+id, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// A helper that passes context.TODO() to a gRPC stub.
func (a *API) check() error {
	_, err := healthpb.NewHealthClient(a.conn).Check(context.TODO(), &healthpb.HealthCheckRequest{})
	return err
}

// A helper that builds its own Background() for a request.
func (a *API) audit() {
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, "http://audit/", nil)
	http.DefaultClient.Do(req)
}

// A helper calling another helper that drops it.
func (a *API) indirect() { a.audit() }

// A helper that takes a context and uses it: fine.
func (a *API) fetch(ctx context.Context, id string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://users/"+id, nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

func (a *API) Get(w http.ResponseWriter, r *http.Request) {
	a.load(r.PathValue("id")) // want `\(\*onecall.API\).load drops the inbound context: it reaches http.NewRequest without a context at ctxprop/onecall/handlers.go:22 from a request handler, so the sidecar cannot join the outbound call to the inbound trace \(traceparent, x-request-id\) and the caller's deadline and cancellation are lost; give \(\*onecall.API\).load a ctx parameter and pass r.Context\(\)`
	a.check()                 // want `\(\*onecall.API\).check drops the inbound context: it reaches context.TODO\(\) passed to \(grpc_health_v1.HealthClient\).Check at ctxprop/onecall/handlers.go:31 from`
	a.indirect()              // want `\(\*onecall.API\).indirect drops the inbound context: it reaches context.Background\(\) passed to http.NewRequestWithContext at ctxprop/onecall/handlers.go:37 from`
	a.users.Users()           // want `\(\*backend.Client\).Users drops the inbound context: it reaches http.Get without a context at ctxprop/onecall/backend/raw/raw.go:11 from`
	a.users.Timed()           // want `\(\*backend.Client\).Timed drops the inbound context`
	a.fetch(r.Context(), "1")
	a.users.User(r.Context(), "1")
	backend.Pure("1")
	a.users.Cached(context.Background(), "1")
	if req, err := a.users.Build("/me"); err == nil {
		http.DefaultClient.Do(req.WithContext(r.Context()))
	}
}

// Background() given to a same-module function that forwards its context.
func (a *API) Forward(ctx context.Context, id string) {
	a.users.User(context.Background(), id) // want `context.Background\(\) passed to \(\*backend.Client\).User drops the inbound context: \(\*backend.Client\).User hands it to http.NewRequestWithContext at ctxprop/onecall/backend/raw/raw.go:16, so the sidecar cannot join .*; pass ctx`
	a.fetch(context.TODO(), id)            // want `context.TODO\(\) passed to \(\*onecall.API\).fetch drops the inbound context`
	// Derived: rule 5, at the Background() call.
	dctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) inside a function that receives a context is the parent of the context given to \(\*backend.Client\).User`
	defer cancel()
	a.users.User(dctx, id)
}

// Not flagged: the callers have no inbound context (start-up code).
func Warm(a *API) { // want Warm:`drops the context: http.NewRequest without a context at ctxprop/onecall/handlers.go:22`
	a.load("warm")
	a.users.User(context.Background(), "warm")
}

// connect dials with its own timeout: the dial carries no trace headers
// and the RPCs on the connection take the caller's context, so calling it
// from a handler drops nothing (istio's echo forwarder).
func connect(target string) (*grpc.ClientConn, error) {
	dctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	return grpc.DialContext(dctx, target)
}

func (a *API) Forward2(ctx context.Context, in, out any) error { // want Forward2:`forwards its context: \(\*grpc.ClientConn\).Invoke at ctxprop/onecall/handlers.go:99`
	conn, err := connect("backend:50051")
	if err != nil {
		return err
	}
	return conn.Invoke(ctx, "/d.E/E", in, out)
}

// A helper run in a goroutine: the advice keeps the trace without the
// request's cancellation.
func (a *API) Save(w http.ResponseWriter, r *http.Request) {
	go a.audit() // want `\(\*onecall.API\).audit drops the inbound context: .*; give \(\*onecall.API\).audit a ctx parameter and pass context.WithoutCancel\(r.Context\(\)\)`
}

type chain struct{}

func (chain) parse(r *http.Request) chain { return chain{} }
func (chain) exchange(u string) chain {
	http.Get(u)
	return chain{}
}
func (chain) finish(w http.ResponseWriter) {}

// A fluent chain over lines: the finding is on the method that drops the
// context, not at the start of the chain.
func Chain(w http.ResponseWriter, r *http.Request) {
	chain{}.
		parse(r).
		exchange("http://users/"). // want `\(onecall.chain\).exchange drops the inbound context`
		finish(w)
}

// push delivers a webhook in a goroutine of its own, on a fresh context:
// its callers should hand it a context that keeps the trace without the
// request's cancellation.
func (a *API) push() {
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "http://hooks/", nil)
		http.DefaultClient.Do(req)
	}()
}

func (a *API) Store(w http.ResponseWriter, r *http.Request) {
	a.push() // want `\(\*onecall.API\).push drops the inbound context: it reaches context.Background\(\) \(the parent of the context passed to http.NewRequestWithContext\) at ctxprop/onecall/handlers.go:131 \(in a goroutine\) from a request handler, .*; give \(\*onecall.API\).push a ctx parameter and pass context.WithoutCancel\(r.Context\(\)\)`
}
