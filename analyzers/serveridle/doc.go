// Package serveridle defines an Analyzer that reports HTTP servers that
// close idle connections before the sidecar does.
//
// # Analyzer serveridle
//
// serveridle: report HTTP servers that close idle connections before the sidecar does
//
// The sidecar pools its HTTP/1.1 connections to the app and keeps each
// open for its idle timeout: 1h unless a DestinationRule says otherwise
// (Envoy's common_http_protocol_options.idle_timeout; Istio's
// DestinationRule connectionPool.http.idleTimeout, "If not set, the
// default is 1 hour"). A server that closes an idle connection sooner
// races the sidecar: when the sidecar sends a request on the connection
// just as the server closes it, the request fails with 503 UC
// (upstream_reset_before_response_started{connection_termination}).
//
// net/http: "IdleTimeout is the maximum amount of time to wait for the
// next request when keep-alives are enabled. If zero, the value of
// ReadTimeout is used." So a server that sets only ReadTimeout (the usual
// hardening against slow clients) closes idle connections after it.
// fasthttp falls back the same way ((*Server).idleTimeout in its
// server.go), and fiber v2 and v3 copy Config.IdleTimeout and ReadTimeout
// to the fasthttp.Server they run ("If IdleTimeout is zero, the value of
// ReadTimeout is used").
//
// Flagged (the value that sets the effective idle timeout, when it is a
// known duration above zero and below -serveridle.min, 1h by default):
//
//	srv := &http.Server{
//		Addr:        ":8080",
//		ReadTimeout: 5 * time.Second, // idle connections closed after 5s
//	}
//	srv := &http.Server{Addr: ":8080", IdleTimeout: 90 * time.Second}
//	srv := new(http.Server); srv.IdleTimeout = 30 * time.Second
//	e := echo.New(); e.Server.ReadTimeout = 30 * time.Second // echo v4
//	app := fiber.New(fiber.Config{ReadTimeout: 10 * time.Second})
//	s := &fasthttp.Server{Handler: h, IdleTimeout: 20 * time.Second}
//
// The server is followed as far as the code shows it: composite literals
// (with or without &), new(T), `var srv http.Server`, and the field
// assignments on the same variable later in the same function (for a
// package-level server, anywhere in the package, e.g. init); the last
// assignment wins (an IdleTimeout assigned later replaces the ReadTimeout
// fallback; app.Server().IdleTimeout = d on the fiber app made from a
// fiber.Config replaces the Config's). Assignments on any other
// *http.Server or *fasthttp.Server (s.srv.IdleTimeout in a method,
// fiber's app.Server(), echo v4's e.Server, whose IdleTimeout echo.New
// leaves zero) are judged in the same way. Known durations are constant expressions
// (75 * time.Second, named constants, time.Duration(90) * time.Second)
// and variables assigned once from a known duration.
//
// Not flagged: no idle timeout at all (IdleTimeout and ReadTimeout absent
// or zero, or IdleTimeout negative); durations of at least -serveridle.min;
// values meshlint cannot know (configuration, flags, function results,
// time.Duration(cfg.N) * time.Second); servers whose Addr or listen
// address is a known loopback address, or that serve a listener made by
// net.Listen on loopback or a unix socket (not reached through the
// sidecar);
// servers that keep no idle connections (SetKeepAlivesEnabled(false),
// DisableKeepalive); ReadHeaderTimeout or WriteTimeout alone; gRPC's
// keepalive.ServerParameters (HTTP/2 closes with GOAWAY, which the
// sidecar handles). When a later assignment may or may not run (under an
// if, in a closure, in a function the server is passed to), the value is
// not known and nothing is reported. Echo v5 has no e.Server: an
// http.Server serving echo is judged as any other.
//
// Fix: an idle timeout longer than the sidecar's (IdleTimeout: 2 *
// time.Hour, which also stops the ReadTimeout fallback), or a
// DestinationRule whose connectionPool.http.idleTimeout is shorter than
// the server's (then run meshlint with -serveridle.min set to it):
//
//	srv := &http.Server{
//		Addr:        ":8080",
//		ReadTimeout: 5 * time.Second,
//		IdleTimeout: 2 * time.Hour, // longer than the sidecar's 1h
//	}
//
// Flag -serveridle.min=DURATION (Go duration syntax, e.g. 30m) is the
// sidecar's idle timeout when a DestinationRule changes it.
//
// Sources: istio/istio#55138 (503 UC from the idle-timeout mismatch) and
// its linked reports #31393, #49660, #45802, #44350; envoyproxy/envoy#14981;
// Istio DestinationRule reference (ConnectionPoolSettings.HTTPSettings.idleTimeout);
// GOROOT src/net/http/server.go (Server.IdleTimeout, (*Server).idleTimeout);
// fasthttp server.go (Server.IdleTimeout, (*Server).idleTimeout); fiber
// app.go (Config.IdleTimeout).
package serveridle
