// Package nethttp holds net/http servers whose effective idle timeout
// (IdleTimeout, or ReadTimeout when IdleTimeout is zero) is below the
// sidecar's 1h, and servers that are fine.
package nethttp

import (
	"flag"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"
)

type config struct {
	IdleTimeout time.Duration
	N           int
}

const idleConst = 75 * time.Second

var idleFlag = flag.Duration("idle", time.Minute, "")

func readFallback(h http.Handler) {
	srv := &http.Server{
		Addr:        ":8080",
		Handler:     h,
		ReadTimeout: 5 * time.Second, // want `http.Server closes idle connections after 5s \(ReadTimeout, used as IdleTimeout is not set\), sooner than the sidecar's 1h default: a request the sidecar sends on a connection as the server closes it fails with 503 UC; set IdleTimeout above 1h \(e.g. IdleTimeout: 2 \* time.Hour\) or the DestinationRule's connectionPool.http.idleTimeout below 5s`
	}
	srv.ListenAndServe()
}

func idleSet(h http.Handler) {
	srv := http.Server{Handler: h, ReadTimeout: 5 * time.Second, IdleTimeout: 90 * time.Second} // want `after 1m30s \(IdleTimeout\), sooner than the sidecar's 1h default.*below 1m30s`
	srv.ListenAndServe()
}

func idleZero() {
	_ = &http.Server{IdleTimeout: 0, ReadTimeout: 20 * time.Second} // want `after 20s \(ReadTimeout`
}

func folded() {
	_ = &http.Server{IdleTimeout: idleConst}                       // want `after 1m15s \(IdleTimeout\)`
	_ = &http.Server{IdleTimeout: time.Duration(90) * time.Second} // want `after 1m30s`
	idle := 2 * time.Minute
	_ = &http.Server{IdleTimeout: idle} // want `after 2m0s`
	secs := 45
	_ = &http.Server{ReadTimeout: time.Duration(secs) * time.Second} // want `after 45s`
}

func newAndAssign() {
	srv := new(http.Server)
	srv.IdleTimeout = 30 * time.Second // want `after 30s \(IdleTimeout\)`
	srv.ListenAndServe()

	var s2 http.Server
	s2.ReadTimeout = 10 * time.Second // want `after 10s \(ReadTimeout`
	s2.ListenAndServe()
}

// laterOverrides: the last write on the same variable wins.
func laterOverrides(h http.Handler) {
	a := &http.Server{Handler: h, ReadTimeout: 30 * time.Second}
	a.IdleTimeout = 2 * time.Hour // overrides the ReadTimeout fallback
	a.ListenAndServe()

	b := &http.Server{Handler: h, IdleTimeout: 2 * time.Hour}
	b.IdleTimeout = 45 * time.Second // want `after 45s \(IdleTimeout\)`
	b.ListenAndServe()

	c := &http.Server{Handler: h, IdleTimeout: 30 * time.Second}
	c.IdleTimeout = 3 * time.Hour
	c.ListenAndServe()

	d := &http.Server{Handler: h}
	d.ReadTimeout = 15 * time.Second // want `after 15s \(ReadTimeout`
	d.ListenAndServe()

	e := &http.Server{Handler: h, ReadTimeout: 15 * time.Second}
	e.IdleTimeout = -1 // negative: no idle timeout at all
	e.ListenAndServe()
}

// unsure: writes that may not run, or that run somewhere meshlint cannot
// order, leave the value unknown.
func unsure(h http.Handler, long bool) {
	a := &http.Server{Handler: h, ReadTimeout: 30 * time.Second}
	if long {
		a.IdleTimeout = 2 * time.Hour
	}
	a.ListenAndServe()

	b := &http.Server{Handler: h, ReadTimeout: 30 * time.Second}
	go func() { b.IdleTimeout = 2 * time.Hour }()
	b.ListenAndServe()

	c := &http.Server{Handler: h, ReadTimeout: 30 * time.Second}
	configure(c)
	c.ListenAndServe()

	d := &http.Server{Handler: h, ReadTimeout: 30 * time.Second}
	flag.DurationVar(&d.IdleTimeout, "idle", 0, "")
	d.ListenAndServe()

	e := &http.Server{Handler: h, ReadTimeout: 30 * time.Second}
	e.IdleTimeout += time.Hour
	e.ListenAndServe()
}

func configure(s *http.Server) { s.IdleTimeout = 2 * time.Hour }

func notFlagged(h http.Handler, cfg config) {
	_ = &http.Server{Addr: ":8080", Handler: h}                                          // no timeout at all
	_ = &http.Server{IdleTimeout: 0, ReadTimeout: 0}                                     // both zero
	_ = &http.Server{IdleTimeout: time.Hour}                                             // the sidecar's own
	_ = &http.Server{IdleTimeout: 2 * time.Hour, ReadTimeout: 5 * time.Second}           // IdleTimeout wins
	_ = &http.Server{ReadTimeout: 90 * time.Minute}                                      // above 1h
	_ = &http.Server{IdleTimeout: -1, ReadTimeout: 5 * time.Second}                      // negative: none
	_ = &http.Server{ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 10 * time.Second} // not idle timeouts
	_ = &http.Server{IdleTimeout: cfg.IdleTimeout}                                       // configuration
	_ = &http.Server{ReadTimeout: *idleFlag}                                             // a flag
	_ = &http.Server{IdleTimeout: idleFromEnv()}                                         // a function result
	_ = &http.Server{ReadTimeout: time.Duration(cfg.N) * time.Second}                    // configuration
	_ = &http.Server{ReadTimeout: 5 * time.Second, IdleTimeout: cfg.IdleTimeout}         // IdleTimeout unknown
	twice := time.Minute
	twice = 2 * time.Hour
	_ = &http.Server{IdleTimeout: twice} // assigned twice: unknown
}

func idleFromEnv() time.Duration {
	n, _ := strconv.Atoi(os.Getenv("IDLE"))
	return time.Duration(n) * time.Second
}

// loopback: a server bound to loopback is not reached through the sidecar.
func loopback(h http.Handler) {
	_ = &http.Server{Addr: "127.0.0.1:8080", Handler: h, ReadTimeout: 5 * time.Second}
	a := &http.Server{Handler: h, IdleTimeout: 30 * time.Second}
	a.Addr = "localhost:9090"
	a.ListenAndServe()
	_ = &http.Server{Addr: "10.0.0.5:8080", ReadTimeout: 5 * time.Second} // want `after 5s`
}

// served on a listener of the caller's: loopback or a unix socket is not
// reached through the sidecar.
func servedOn(h http.Handler) {
	ln, err := net.Listen("tcp", "127.0.0.1:8080")
	if err != nil {
		return
	}
	a := &http.Server{Handler: h, ReadTimeout: 5 * time.Second}
	a.Serve(ln)

	sock, _ := net.Listen("unix", "/run/app.sock")
	b := &http.Server{Handler: h, ReadTimeout: 5 * time.Second}
	b.Serve(sock)

	pub, _ := net.Listen("tcp", ":8080")
	c := &http.Server{Handler: h, ReadTimeout: 5 * time.Second} // want `after 5s`
	c.Serve(pub)

	// A unix socket or the public Addr, depending on configuration.
	d := &http.Server{Addr: ":8081", Handler: h, ReadTimeout: 5 * time.Second} // want `after 5s`
	if sock != nil {
		d.Serve(sock)
	} else {
		d.ListenAndServe()
	}

	// Addr says loopback, but the server is served on a public listener.
	e := &http.Server{Addr: "127.0.0.1:8082", Handler: h, ReadTimeout: 5 * time.Second} // want `after 5s`
	e.Serve(pub)
}

// keepAlivesOff: a server that keeps no idle connection has none to race.
func keepAlivesOff(h http.Handler) {
	a := &http.Server{Handler: h, ReadTimeout: 5 * time.Second}
	a.SetKeepAlivesEnabled(false)
	a.ListenAndServe()
	b := &http.Server{Handler: h, ReadTimeout: 5 * time.Second} // want `after 5s`
	b.SetKeepAlivesEnabled(true)
	b.ListenAndServe()
}

// service stores its server in a field.
type service struct {
	srv  *http.Server
	srv2 *http.Server
	srv3 *http.Server
}

func newService(h http.Handler) *service {
	return &service{
		srv:  &http.Server{Handler: h, ReadTimeout: 30 * time.Second}, // IdleTimeout is set in start
		srv2: &http.Server{Handler: h, ReadTimeout: 30 * time.Second}, // want `after 30s \(ReadTimeout`
		srv3: newServer(h),
	}
}

func newServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h, WriteTimeout: time.Second}
}

func (s *service) start() {
	s.srv.IdleTimeout = 2 * time.Hour
	s.srv.ListenAndServe()
	s.srv3.IdleTimeout = 30 * time.Second // want `after 30s \(IdleTimeout\)`
	s.srv3.ListenAndServe()
}

func (s *service) restart() {
	s.srv3.ReadTimeout = 30 * time.Second // the server's IdleTimeout is not known here
}

func inSlice(h http.Handler) []*http.Server {
	return []*http.Server{{Addr: ":8081", Handler: h, ReadTimeout: 5 * time.Second}} // want `after 5s`
}

func suppressed(h http.Handler) {
	//meshlint:ignore serveridle the DestinationRule sets idleTimeout 20s for this service
	_ = &http.Server{Handler: h, ReadTimeout: 30 * time.Second}
}
