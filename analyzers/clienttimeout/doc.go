// Package clienttimeout defines an Analyzer that reports *http.Client
// values with no overall timeout.
//
// # Analyzer clienttimeout
//
// clienttimeout: report http.Clients with no overall Timeout
//
// http.Client.Timeout bounds a whole request: dial, TLS, sending, waiting
// for the response and reading its body. Its zero value means no limit
// (net/http: "A Timeout of zero means no timeout"), and http.DefaultClient
// and the package-level http.Get, http.Head, http.Post and http.PostForm
// have none. Behind an Istio sidecar every outbound call goes through a
// local proxy that always accepts the connection, so a peer that hangs, a
// half-open upstream connection, or a sidecar that holds the request while
// it retries leaves the caller's goroutine and connection waiting forever.
// The mesh's own route timeout only applies when a VirtualService sets one.
//
// Flagged (at the literal, the new call, the variable name, the selector
// or the call):
//
//	c := &http.Client{}                        // no Timeout
//	c := &http.Client{Timeout: 0}              // constant zero: no timeout
//	c := new(http.Client)
//	var c http.Client
//	s := &Svc{client: &http.Client{}}          // a struct field initialised with one
//	api := NewAPI(http.DefaultClient)          // any use of http.DefaultClient
//	resp, err := http.Get(url)                 // uses http.DefaultClient
//
// A later assignment of Timeout on the same variable clears the finding:
// in the same function for locals (c.Timeout = d, s.client.Timeout = d,
// also in a nested block, through an alias such as d := c, or inside a
// same-package function the client is passed to, configure(c)); anywhere
// in the package (typically init) for package-level variables. Taking the
// field's address counts too (flag.DurationVar(&c.Timeout, ...)).
//
// Not flagged: a Timeout set to a non-zero constant or to any non-constant
// expression (Timeout: cfg.Timeout, even if that is zero at run time);
// clients returned by functions meshlint cannot see into
// (oauth2.NewClient, retryablehttp's StandardClient); a client whose
// variable is handed to a function value or interface method that might
// configure it (functional options: for _, o := range opts { o(c) }).
// A client passed to a function of another package is still judged:
// libraries take a client to use it, not to set its timeout.
//
// http.DefaultClient: every use is reported (calls on it, method values,
// passing or assigning it), except comparisons (c == http.DefaultClient),
// which make no request, and http.DefaultClient.Timeout = d, which is the
// fix; a package that gives http.DefaultClient a non-zero Timeout that way
// has its other uses of it left alone.
//
// Fix: give every client an explicit Timeout. 5-10s is typical for
// service-to-service calls (e.g. Timeout: 10 * time.Second); streaming or
// long-poll clients should suppress the finding with a reason and use a
// per-request context deadline instead. Also pass the inbound request's
// context (http.NewRequestWithContext) so the caller's deadline and
// cancellation reach the outbound call.
//
//	client := &http.Client{Timeout: 10 * time.Second}
//
// Sources: GOROOT src/net/http/client.go (Client.Timeout, DefaultClient);
// Istio "Traffic Management" (route timeouts are disabled by default).
package clienttimeout
