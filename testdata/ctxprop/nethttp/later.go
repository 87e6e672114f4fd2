package nethttp

import (
	"context"
	"net/http"
)

// sendLater attaches the caller's context where it sends: not flagged.
func sendLater(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req.WithContext(ctx))
}

// cloneLater: Clone(ctx) carries the context too.
func cloneLater(ctx context.Context, c *http.Client, url string) {
	var req, _ = http.NewRequest(http.MethodGet, url, nil)
	c.Do(req.Clone(ctx))
}

// backgroundLater attaches Background: still flagged (and the
// Background() passed to WithContext is rule 3).
func backgroundLater(ctx context.Context, c *http.Client, url string) {
	req, _ := http.NewRequest(http.MethodGet, url, nil) // want `http.NewRequest drops the caller's context`
	c.Do(req.WithContext(context.Background()))         // want `context.Background\(\) passed to \(\*http.Request\).WithContext`
}

// otherVariable: the context goes to another request.
func otherVariable(ctx context.Context, c *http.Client, url string) {
	req, _ := http.NewRequest(http.MethodGet, url, nil) // want `http.NewRequest drops the caller's context`
	other, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	c.Do(req)
	c.Do(other.WithContext(ctx))
}
