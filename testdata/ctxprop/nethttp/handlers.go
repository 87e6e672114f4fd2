// Package nethttp holds net/http service code for ctxprop.
package nethttp

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

type Server struct {
	client *http.Client
	dialer *net.Dialer
}

// Rule 1: http.NewRequest, always; the fix uses the one context in scope.
func (s *Server) GetUser(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequest("GET", "http://users.default.svc.cluster.local/u/"+r.URL.Query().Get("id"), nil) // want `http.NewRequest drops the caller's context: the sidecar cannot join the outbound call to the inbound trace \(traceparent, x-request-id\) and the caller's deadline and cancellation are lost; use http.NewRequestWithContext\(r.Context\(\), \.\.\.\)`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	resp, err := s.client.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

// Rule 1 in a function with a context.Context parameter; args over lines.
func fetch(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequest( // want `use http.NewRequestWithContext\(ctx, \.\.\.\)`
		http.MethodGet,
		url,
		nil,
	)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// Rule 1 with no inbound context in scope: not flagged here (no inbound
// trace to join); rule 6 reports the calls of ping from inbound scopes,
// and -ctxprop.always reports it here.
func ping(url string) error {
	req, err := http.NewRequest(http.MethodHead, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Rule 1: a ctx parameter and a request parameter: which context is meant
// is ambiguous, so no fix.
func forward(ctx context.Context, r *http.Request) (*http.Request, error) {
	return http.NewRequest(r.Method, "http://backend/"+r.URL.Path, r.Body) // want `use http.NewRequestWithContext\(ctx, \.\.\.\)`
}

// Rule 1: the parameter is shadowed at the call: no fix.
func shadowed(w http.ResponseWriter, r *http.Request) {
	for _, r := range []string{"a", "b"} {
		http.NewRequest("GET", "http://backend/"+r, nil) // want `use http.NewRequestWithContext\(ctx, \.\.\.\)`
	}
}

// Rule 1: two context parameters: no fix.
func twoContexts(ctx, parent context.Context) {
	http.NewRequest("GET", "http://backend/", nil) // want `use http.NewRequestWithContext\(ctx, \.\.\.\)`
}

// Rule 1: unnamed context parameter: no fix.
func unnamed(_ context.Context, u string) {
	http.NewRequest("GET", u, nil) // want `use http.NewRequestWithContext\(ctx, \.\.\.\)`
}

// Rule 2: context-less helpers, always, no fix.
func (s *Server) Legacy(w http.ResponseWriter, r *http.Request) {
	http.Get("http://users/")                                       // want `http.Get sends a request without a context: the sidecar cannot join the outbound call to the inbound trace \(traceparent, x-request-id\) and the caller's deadline and cancellation are lost; build it with http.NewRequestWithContext\(r.Context\(\), \.\.\.\) and send it with a client's Do`
	http.Head("http://users/")                                      // want `http.Head sends a request without a context`
	http.Post("http://users/", "text/plain", strings.NewReader("")) // want `http.Post sends a request`
	http.PostForm("http://users/", nil)                             // want `http.PostForm sends a request`
	s.client.Get("http://users/")                                   // want `\(\*http.Client\).Get sends a request without a context`
	s.client.Head("http://users/")                                  // want `\(\*http.Client\).Head sends`
	s.client.Post("http://users/", "text/plain", nil)               // want `\(\*http.Client\).Post sends`
	s.client.PostForm("http://users/", nil)                         // want `\(\*http.Client\).PostForm sends`
}

// Rule 2: method values, method expressions, embedded clients.
type API struct {
	*http.Client
	base string
}

// Users has no inbound context: not flagged here; it drops the context of
// any handler that calls it (its fact says where: rule 6).
func (a *API) Users() { // want Users:`drops the context: \(\*http.Client\).Get without a context at ctxprop/nethttp/handlers.go:107`
	a.Get(a.base + "/users")
	get := a.Client.Get
	get(a.base + "/users")
	(*http.Client).Post(a.Client, a.base, "", nil)
}

// The same calls inside a handler.
func (a *API) ServeUsers(w http.ResponseWriter, r *http.Request) {
	a.Get(a.base + "/users") // want `\(\*http.Client\).Get sends`
	get := a.Client.Get
	get(a.base + "/users")                         // want `\(\*http.Client\).Get sends`
	(*http.Client).Post(a.Client, a.base, "", nil) // want `\(\*http.Client\).Post sends`
}

// Not flagged: the context-aware forms.
func (s *Server) Good(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(r.Context(), "GET", "http://users/", nil)
	s.client.Do(req)
	req2 := req.WithContext(r.Context())
	_ = req2.Clone(r.Context())
	conn, _ := s.dialer.DialContext(r.Context(), "tcp", "cache:6379")
	_ = conn
}

// Rule 3: Background/TODO given directly to a sink in a handler.
func (s *Server) Detached(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://users/", nil) // want `context.Background\(\) passed to http.NewRequestWithContext inside a request handler drops the inbound context: the sidecar cannot join the outbound call to the inbound trace \(traceparent, x-request-id\) and the caller's deadline and cancellation are lost; pass r.Context\(\)`
	s.client.Do(req)
	_ = req.WithContext(context.TODO())                                        // want `context.TODO\(\) passed to \(\*http.Request\).WithContext inside a request handler`
	_ = req.Clone((context.Background()))                                      // want `context.Background\(\) passed to \(\*http.Request\).Clone`
	conn, _ := s.dialer.DialContext(context.Background(), "tcp", "cache:6379") // want `context.Background\(\) passed to \(\*net.Dialer\).DialContext`
	_ = conn
	(*net.Dialer).DialContext(s.dialer, context.Background(), "tcp", "cache:6379") // want `\(\*net.Dialer\).DialContext`
}

// Rule 3 in a function that receives a context (not a handler).
func loadProfile(ctx context.Context, c *http.Client, id string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), "GET", "http://profiles/"+id, nil) // want `context.Background\(\) passed to http.NewRequestWithContext inside a function that receives a context drops the inbound context: .*; pass ctx`
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// Rule 5: Background stored in a variable first, or derived from it:
// reported at the Background() call.
func (s *Server) Stored(w http.ResponseWriter, r *http.Request) {
	bg := context.Background() // want `context.Background\(\) inside a request handler is the parent of the context given to http.NewRequestWithContext: .*; derive it from r.Context\(\) instead`
	req, _ := http.NewRequestWithContext(bg, "GET", "http://users/", nil)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second) // want `context.Background\(\) inside a request handler is the parent`
	defer cancel()
	req2, _ := http.NewRequestWithContext(ctx, "GET", "http://users/", nil)
	s.client.Do(req)
	s.client.Do(req2)
}

// Rule 3, not flagged: no inbound context in scope.
func warmUp(c *http.Client) {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://users/", nil)
	c.Do(req)
	go func() {
		req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://users/", nil)
		c.Do(req)
	}()
}

// Not flagged: Background passed to something that is not an outbound call.
func (s *Server) NotASink(w http.ResponseWriter, r *http.Request) {
	audit(context.Background(), "x")
	go audit(context.Background(), "y")
}

func audit(ctx context.Context, what string) {}

// Rule 3 in closures: a closure sees its enclosing function's scope.
func (s *Server) Routes(mux *http.ServeMux) { // want Routes:`drops the context: context.Background\(\) passed to http.NewRequestWithContext at ctxprop/nethttp/handlers.go:195`
	mux.Handle("/a", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://a/", nil) // want `pass r.Context\(\)`
		s.client.Do(req)
	}))
	mux.HandleFunc("/b", func(w http.ResponseWriter, req *http.Request) {
		call := func(u string) {
			out, _ := http.NewRequestWithContext(context.TODO(), "GET", u, nil) // want `context.TODO\(\) passed to http.NewRequestWithContext inside a request handler .*; pass req.Context\(\)`
			s.client.Do(out)
		}
		call("http://b/")
	})
	// Not flagged: Routes itself has no inbound context.
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://c/", nil)
	_ = req
}

// Rule 4: in a goroutine started by a handler.
func (s *Server) Fire(w http.ResponseWriter, r *http.Request) {
	go func() {
		req, _ := http.NewRequestWithContext(context.Background(), "POST", "http://audit/", nil) // want `context.Background\(\) passed to http.NewRequestWithContext in a goroutine started inside a request handler drops the inbound context: the sidecar cannot join the outbound call to the inbound trace \(traceparent, x-request-id\); pass context.WithoutCancel\(r.Context\(\)\) to keep the trace without the request's cancellation`
		s.client.Do(req)
	}()
	go s.dialer.DialContext(context.Background(), "tcp", "audit:9000") // want `in a goroutine started inside a request handler`
	// The arguments of a go statement are evaluated in the handler: rule 3.
	go consume(s.dialer.DialContext(context.Background(), "tcp", "audit:9000")) // want `context.Background\(\) passed to \(\*net.Dialer\).DialContext inside a request handler`
	// A goroutine whose closure receives its own context: rule 3 there.
	go func(ctx context.Context) {
		req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://x/", nil) // want `inside a function that receives a context .*; pass ctx$`
		s.client.Do(req)
	}(context.WithoutCancel(r.Context()))
	// Rule 1 in a goroutine: the fix keeps the trace without cancellation.
	go func() {
		req, _ := http.NewRequest("POST", "http://audit/", nil) // want `use http.NewRequestWithContext\(context.WithoutCancel\(r.Context\(\)\), \.\.\.\)`
		s.client.Do(req)
	}()
	w.WriteHeader(http.StatusAccepted)
}

func consume(c net.Conn, err error) {}

// A deferred call is reported like rule 4.
func (s *Server) Cleanup(w http.ResponseWriter, r *http.Request) {
	defer s.dialer.DialContext(context.Background(), "tcp", "audit:9000") // want `in a deferred call inside a request handler .*; pass context.WithoutCancel\(r.Context\(\)\)`
}

// Waited-for goroutines (sync.WaitGroup.Go, errgroup) end with the handler:
// rule 3.
func (s *Server) FanOut(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	for _, u := range []string{"http://a/", "http://b/"} {
		wg.Go(func() {
			req, _ := http.NewRequestWithContext(context.Background(), "GET", u, nil) // want `inside a request handler drops the inbound context: .*; pass r.Context\(\)`
			s.client.Do(req)
		})
	}
	wg.Wait()
}

// Rule 3/4 not flagged in main and init.
func init() {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://config/", nil)
	_ = req
}

// Generics.
type Cache[K comparable, V any] struct {
	client *http.Client
	m      map[K]V
}

func (c *Cache[K, V]) Fill(ctx context.Context, key K) {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://cache/", nil) // want `pass ctx$`
	c.client.Do(req)
	http.NewRequest("GET", "http://cache/", nil) // want `use http.NewRequestWithContext\(ctx, \.\.\.\)`
}

func Fetch[T any](ctx context.Context, c *http.Client, u string) (T, error) {
	var zero T
	req, err := http.NewRequestWithContext(context.TODO(), "GET", u, nil) // want `context.TODO\(\) passed to http.NewRequestWithContext`
	if err != nil {
		return zero, err
	}
	_, err = c.Do(req)
	return zero, err
}
