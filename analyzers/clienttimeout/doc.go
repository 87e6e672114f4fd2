// Package clienttimeout defines an Analyzer that reports HTTP clients
// (net/http, resty, fasthttp, go-kit, go-retryablehttp) with no overall
// timeout.
//
// # Analyzer clienttimeout
//
// clienttimeout: report HTTP clients with no overall timeout
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
//	resty.New(), &fasthttp.Client{}, ...       // client libraries, below
//
// A later assignment of Timeout on the same variable clears the finding:
// in the same function for locals (c.Timeout = d, s.client.Timeout = d,
// also in a nested block, through an alias such as d := c, or inside a
// same-package function the client is passed to, configure(c)); anywhere
// in the package (typically init) for package-level variables. Taking the
// field's address counts too (flag.DurationVar(&c.Timeout, ...)).
//
// Requests with a deadline: http.DefaultClient, or a client local to the
// function, is not flagged when every request it sends in that function
// carries a context given a deadline in that function: the deadline then
// bounds the request as Timeout would.
//
//	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
//	defer cancel()
//	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
//	...
//	resp, err := http.DefaultClient.Do(req)   // not flagged
//
// The deadline comes from context.WithTimeout or WithDeadline (or their
// Cause variants) in the function, possibly through WithCancel or
// WithValue, and reaches the request through http.NewRequestWithContext,
// req.WithContext(ctx) or req.Clone(ctx), through locals (the definition
// of the variable that always runs before the send; one given only in an
// if branch does not count). It is still flagged when any request of that
// client in the function has no such deadline (a deadline on one request
// but not another; Get, Head, Post and PostForm carry no context at all),
// when no request is sent, and when the client leaves the function:
// returned, stored in a field, package variable, map or slice, or passed to
// another function. For http.DefaultClient the question is asked of all
// its uses in the function: all of them are reported, or none. The
// package-level http.Get, Head, Post and PostForm are always flagged.
//
// Client libraries:
//
//	c := resty.New()                                   // never given SetTimeout (resty v2 and resty.dev/v3)
//	&fasthttp.Client{}, &fasthttp.HostClient{Addr: a}  // no ReadTimeout
//	fasthttp.Get(dst, url)                             // also Post, Do, DoRedirects: fasthttp's default client
//	httptransport.NewClient("GET", u, enc, dec)        // go-kit: no SetClient option, so http.DefaultClient
//	rc := retryablehttp.NewClient()                    // HTTPClient.Timeout never set
//	retryablehttp.Get(url)                             // also Head, Post, PostForm: its default client
//
// resty: resty.New() (and the v2 NewWithLocalAddr, the v3 NewWithDialer,
// NewWithTransportSettings, NewWithLocalAddr,
// NewWithDialerAndTransportSettings constructors, which build their own
// http.Client the same way) is flagged unless SetTimeout is called on the
// builder chain (resty.New().SetBaseURL(u).SetTimeout(d)) or later on the
// same value, with the rules above (same function, package level anywhere,
// same-package helpers); handing out its *http.Client (GetClient in v2,
// Client in v3) counts, since the caller may set Timeout there.
// resty.NewWithClient(hc) is not flagged: hc is judged where it is built.
// fasthttp.Client and HostClient literals need a ReadTimeout other than a
// constant zero (or one assigned later), unless every request the client
// sends goes through its DoTimeout, DoDeadline, GetTimeout or GetDeadline
// method (the client staying in its function, or a package variable used
// only that way), or the client only serves a fasthttp.LBClient (appended
// to its Clients: LBClient.Do always applies its Timeout, 1s by default,
// fasthttp lbclient.go DefaultLBClientTimeout); the package-level
// fasthttp.DoTimeout, DoDeadline, GetTimeout and GetDeadline carry their
// own timeout too. go-kit's NewClient and NewExplicitClient are flagged (at
// the call) when none of their options is httptransport.SetClient(c); an
// option meshlint cannot see into (a variable it cannot resolve, a call
// outside go-kit, options...) keeps them silent. retryablehttp.NewClient()
// is flagged unless c.HTTPClient.Timeout is set later (or c.HTTPClient
// replaced: the new client is judged where it is built).
//
// Defaults read in the libraries' sources: resty v2.17 resty.go New builds
// &http.Client{Jar: cookieJar} (no Timeout; SetTimeout sets it); resty.dev/v3
// v3.0.0-rc.4 resty.go New builds &http.Client{Jar, Transport} and its
// Client.timeout is zero until SetTimeout (client.go: "Resty uses
// context.WithTimeout on the request"); fasthttp v1.78 client.go
// Client.ReadTimeout "By default response read timeout is unlimited", and
// Get, Post, Do and DoRedirects use `var defaultClient Client`; go-kit
// v0.13 transport/http/client.go NewExplicitClient sets client:
// http.DefaultClient ("By default, http.DefaultClient is used");
// go-retryablehttp v0.7.8 client.go NewClient sets HTTPClient:
// cleanhttp.DefaultPooledClient(), which is &http.Client{Transport: ...}
// with no Timeout (go-cleanhttp v0.5.2: only the dialer has a 30s connect
// timeout), and its package-level Get, Head, Post and PostForm use
// defaultClient = NewClient(). No library sets an overall timeout by
// default, so every rule here applies.
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
// which make no request, http.DefaultClient.Timeout = d, which is the
// fix, and the uses in a function whose every request has a deadline
// (above); a package that gives http.DefaultClient a non-zero Timeout that way
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
// Istio "Traffic Management" (route timeouts are disabled by default); the
// library sources cited above.
package clienttimeout
