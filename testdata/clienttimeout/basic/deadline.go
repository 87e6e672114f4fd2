package basic

import (
	"context"
	"net/http"
	"time"
)

type ctxKey struct{}

// Not flagged: every request http.DefaultClient (or a client local to the
// function) sends here carries a context given a deadline here.
func defaultWithDeadline(ctx context.Context, url string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func defaultWithContext(req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithDeadline(req.Context(), time.Now().Add(time.Second))
	defer cancel()
	return http.DefaultClient.Do(req.WithContext(ctx))
}

func defaultReassigned(parent context.Context, url string) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req = req.WithContext(ctx)
	c := http.DefaultClient
	_, err = c.Do(req)
	return err
}

func defaultDerived(parent context.Context, req *http.Request) {
	base, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	ctx := context.WithValue(base, ctxKey{}, "v")
	inner, stop := context.WithCancel(ctx)
	defer stop()
	http.DefaultClient.Do(req.Clone(inner))
	http.DefaultClient.Do(req.Clone(ctx))
}

func localWithDeadline(parent context.Context, urls []string) {
	c := &http.Client{}
	defer c.CloseIdleConnections()
	for _, u := range urls {
		ctx, cancel := context.WithTimeout(parent, time.Second)
		if req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil); err == nil {
			c.Do(req)
		}
		cancel()
	}
}

func localVarWithDeadline(ctx context.Context, req *http.Request) {
	var c http.Client
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	c.Do(req.WithContext(ctx))
	new(http.Client).Do(req.WithContext(ctx))
}

func redefined(url string) {
	ctx := context.Background()
	ctx, _ = context.WithTimeout(ctx, 5*time.Second)
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req = req.WithContext(ctx)
	client := &http.Client{}
	client.Do(req)
}

// Flagged: a request without a deadline, or a client that leaves the
// function.
func deadlineInClosure(parent context.Context, url string) {
	ctx := parent
	set := func() { ctx, _ = context.WithTimeout(parent, time.Second) }
	set()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	http.DefaultClient.Do(req) // want `http.DefaultClient has no Timeout`
}

func defaultOneWithout(ctx context.Context, url string) {
	dctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	req1, _ := http.NewRequestWithContext(dctx, http.MethodGet, url, nil)
	http.DefaultClient.Do(req1) // want `http.DefaultClient has no Timeout`
	req2, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	http.DefaultClient.Do(req2) // want `http.DefaultClient has no Timeout`
}

func defaultGet(ctx context.Context, url string) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	http.DefaultClient.Do(req)  // want `http.DefaultClient has no Timeout`
	http.DefaultClient.Get(url) // want `http.DefaultClient has no Timeout`
}

func defaultCallerContext(ctx context.Context, url string) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	http.DefaultClient.Do(req) // want `http.DefaultClient has no Timeout`
}

func defaultConditional(ctx context.Context, d time.Duration, url string) {
	if d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	http.DefaultClient.Do(req) // want `http.DefaultClient has no Timeout`
}

func defaultWithoutCancel(ctx context.Context, req *http.Request) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	http.DefaultClient.Do(req.WithContext(context.WithoutCancel(ctx))) // want `http.DefaultClient has no Timeout`
}

func defaultPassed(ctx context.Context, req *http.Request) *API {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	http.DefaultClient.Do(req.WithContext(ctx)) // want `http.DefaultClient has no Timeout`
	return NewAPI(http.DefaultClient)           // want `http.DefaultClient has no Timeout`
}

func localOneWithout(ctx context.Context, url string) {
	c := &http.Client{} // want `http.Client has no Timeout`
	dctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	req1, _ := http.NewRequestWithContext(dctx, http.MethodGet, url, nil)
	c.Do(req1)
	req2, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	c.Do(req2)
}

func localReturned(ctx context.Context, req *http.Request) *http.Client {
	c := &http.Client{} // want `http.Client has no Timeout`
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	c.Do(req.WithContext(ctx))
	return c
}

func (s *Svc) localStored(ctx context.Context, req *http.Request) {
	c := &http.Client{} // want `http.Client has no Timeout`
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	c.Do(req.WithContext(ctx))
	s.client = c
}

func localPassed(ctx context.Context, req *http.Request) {
	c := &http.Client{} // want `http.Client has no Timeout`
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	c.Do(req.WithContext(ctx))
	_ = NewAPI(c)
}

func localNoRequest() {
	c := &http.Client{} // want `http.Client has no Timeout`
	c.CloseIdleConnections()
}
