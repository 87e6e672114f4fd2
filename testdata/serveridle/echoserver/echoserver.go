// Package echoserver configures echo v4's e.Server, an *http.Server that
// echo.New makes with new(http.Server).
package echoserver

import (
	"time"

	"github.com/labstack/echo/v4"
)

func run() {
	e := echo.New()
	e.Server.ReadTimeout = 30 * time.Second // want `http.Server closes idle connections after 30s \(ReadTimeout, used as IdleTimeout is not set\)`
	e.Server.WriteTimeout = 30 * time.Second
	e.Start(":8080")
}

func runIdle() {
	e := echo.New()
	e.TLSServer.IdleTimeout = 2 * time.Minute // want `after 2m0s \(IdleTimeout\)`
	e.StartTLS(":8443", "c.pem", "k.pem")
}

func runLoopback() {
	e := echo.New()
	e.Server.IdleTimeout = time.Minute // served on loopback only
	e.Start("127.0.0.1:8080")
}

func runLong() {
	e := echo.New()
	e.Server.IdleTimeout = 2 * time.Hour
	e.Start(":8080")
}
