// Package defaulttransport defines an Analyzer that reports HTTP
// connection pools left at Go's defaults.
//
// # Analyzer defaulttransport
//
// defaulttransport: report HTTP connection pools left at Go's defaults
//
// Go's defaults (GOROOT src/net/http/transport.go): an http.Transport keeps
// at most DefaultMaxIdleConnsPerHost = 2 idle connections per host;
// http.DefaultTransport sets MaxIdleConns: 100 and IdleConnTimeout: 90s; a
// zero-valued http.Transport{} has no idle timeout at all. In a mesh every
// request to a service goes to one host name (the sidecar's view of that
// service), so with 2 idle connections per host a busy client opens and
// closes connections through the sidecar constantly: port churn, TIME_WAIT,
// extra latency. And when the side that closes idle connections first is
// the sidecar or the upstream server, a client that reuses a connection at
// the moment it is closed fails the request: Envoy reports 503 UC
// (upstream_reset_before_response_started{connection_termination}). The
// client's idle timeout must be shorter than the proxy's and the server's.
//
// Flagged:
//
//	&http.Client{Transport: http.DefaultTransport}       // the default pool, used as a value
//	otelhttp.NewTransport(http.DefaultTransport)          // also as an argument, RoundTrip call, return, assignment
//	t := http.DefaultTransport.(*http.Transport).Clone()  // at Clone, when t.MaxIdleConnsPerHost is never set in the function
//	&http.Transport{TLSClientConfig: cfg}                 // one finding naming the missing MaxIdleConnsPerHost, IdleConnTimeout
//
// A missing field assigned later on the same variable does not count
// (t.MaxIdleConnsPerHost = 100; c.Transport.(*http.Transport).IdleConnTimeout = d;
// through an alias or in a same-package function the value is passed to;
// for package-level variables anywhere in the package, e.g. init). A
// constant zero counts as missing (MaxIdleConnsPerHost: 0 is the default
// of 2). The Clone rule asks only for MaxIdleConnsPerHost: the clone keeps
// DefaultTransport's 90s IdleConnTimeout.
//
// With -defaulttransport.implicit, http.Client literals with no Transport
// (they use http.DefaultTransport) are flagged too. Off by default: a
// plain &http.Client{Timeout: 5 * time.Second} is not flagged.
//
// Not flagged:
//   - comparisons (rt == http.DefaultTransport, switch cases): deciding
//     whether a transport is the default one does not use its pool;
//   - reading its fields (DialContext: http.DefaultTransport.(*http.Transport).DialContext),
//     configuring it in place (http.DefaultTransport.(*http.Transport).MaxIdleConnsPerHost = 100),
//     replacing it (http.DefaultTransport = t), CloseIdleConnections;
//   - dt := http.DefaultTransport.(*http.Transport): the asserted value is
//     almost always taken to Clone it or to configure it, which are judged
//     where that happens;
//   - transport literals with DisableKeepAlives: true (the constant: no
//     idle pool at all); a non-constant value (DisableKeepAlives:
//     !cfg.KeepAlives) may be false at run time, so that literal is judged
//     like any other;
//   - a one-shot transport (see below);
//   - transports whose fields are set by code meshlint cannot see (a
//     function value or interface method they are passed to).
//
// A one-shot transport is a literal, or a clone of the default transport,
// whose only use is a client local to the function (or a RoundTrip call
// there): neither the transport nor that client is returned, stored in a
// field, package variable, map or slice, passed to another function, or
// captured by a closure that outlives the call. Its pool dies with the
// function, so nothing is ever reused from it:
//
//	client := &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}, Timeout: 10 * time.Second}
//	return client.Do(req)
//
// The same transport returned from a constructor, stored in a struct
// field or handed to otelhttp.NewTransport is reported: its pool serves
// every later request. A transport built and never used by a client is
// reported too.
//
// Fix: your own transport, sized for the mesh:
//
//	t := http.DefaultTransport.(*http.Transport).Clone()
//	t.MaxIdleConnsPerHost = 100
//	t.IdleConnTimeout = 30 * time.Second
//	client := &http.Client{Transport: otelhttp.NewTransport(t), Timeout: 10 * time.Second}
//
// The numbers: MaxIdleConnsPerHost: 100 matches DefaultTransport's own
// MaxIdleConns (100) now that all of a service's traffic goes to one host,
// so a client under load can keep as many connections idle as it has
// requests in flight (size it to the expected concurrency per upstream).
// IdleConnTimeout: 30 * time.Second is below the idle timeouts commonly
// found upstream: Envoy's default upstream idle timeout is 1h, but
// servers and proxies behind it often close at 60s (cloud load
// balancers, nginx's 75s keepalive_timeout, Go servers with IdleTimeout
// set) or less, and the client must be the first to close. Go lower if an
// upstream closes sooner (Node.js closes idle connections after 5s).
//
// Sources: GOROOT src/net/http/transport.go (DefaultTransport,
// DefaultMaxIdleConnsPerHost, IdleConnTimeout); istio/istio#55138 (the
// idle-timeout mismatch explanation), #13205, #45802, #49660 (503 UC on
// reused keep-alive connections).
package defaulttransport
