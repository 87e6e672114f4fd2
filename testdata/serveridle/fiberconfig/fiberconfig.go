// Package fiberconfig holds fiber v2 and v3 configurations: fiber passes
// IdleTimeout and ReadTimeout to the fasthttp.Server it runs, which falls
// back from one to the other.
package fiberconfig

import (
	"time"

	fiberv2 "github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v3"
)

type config struct{ Idle time.Duration }

func v2(cfg config) {
	app := fiberv2.New(fiberv2.Config{ReadTimeout: 10 * time.Second}) // want `fiber.Config closes idle connections after 10s \(ReadTimeout, used as IdleTimeout is not set\)`
	app.Listen(":3000")
	fiberv2.New(fiberv2.Config{IdleTimeout: 30 * time.Second})                             // want `fiber.Config closes idle connections after 30s \(IdleTimeout\)`
	fiberv2.New(fiberv2.Config{ReadTimeout: 10 * time.Second, IdleTimeout: 2 * time.Hour}) // IdleTimeout above 1h
	fiberv2.New(fiberv2.Config{ReadTimeout: 10 * time.Second, DisableKeepalive: true})     // no keep-alive
	fiberv2.New(fiberv2.Config{ReadTimeout: 10 * time.Second, IdleTimeout: cfg.Idle})      // unknown
	fiberv2.New(fiberv2.Config{WriteTimeout: 10 * time.Second})                            // no idle timeout
	fiberv2.New()                                                                          // no idle timeout
	local := fiberv2.New(fiberv2.Config{IdleTimeout: 30 * time.Second})                    // served on loopback only
	local.Listen("127.0.0.1:3001")

	c := fiberv2.Config{AppName: "svc"}
	c.ReadTimeout = 5 * time.Second // want `fiber.Config closes idle connections after 5s \(ReadTimeout`
	fiberv2.New(c)
}

func v3() {
	fiber.New(fiber.Config{ReadTimeout: 10 * time.Second})                           // want `fiber.Config closes idle connections after 10s \(ReadTimeout`
	fiber.New(fiber.Config{IdleTimeout: 45 * time.Second, ReadTimeout: time.Second}) // want `after 45s \(IdleTimeout\)`
	fiber.New(fiber.Config{IdleTimeout: 90 * time.Minute})
}

// appServer sets the timeouts on app.Server(), the fasthttp.Server fiber
// runs: fiber.New copied the Config into it, later writes replace them.
func appServer() {
	a := fiberv2.New(fiberv2.Config{ReadTimeout: 10 * time.Second})
	a.Server().IdleTimeout = 2 * time.Hour // replaces the ReadTimeout fallback
	a.Listen(":3000")

	b := fiberv2.New(fiberv2.Config{IdleTimeout: 2 * time.Hour})
	b.Server().IdleTimeout = 90 * time.Second // want `fasthttp.Server closes idle connections after 1m30s \(IdleTimeout\)`
	b.Listen(":3001")

	c := fiber.New()
	c.Server().IdleTimeout = 20 * time.Second // want `after 20s \(IdleTimeout\)`
	c.Listen(":3002")

	d := fiberv2.New()
	d.Server().ReadTimeout = 15 * time.Second // the Config's IdleTimeout is not judged here
	d.Listen(":3003")

	e := fiber.New()
	e.Server().IdleTimeout = 20 * time.Second // loopback only
	e.Listen("127.0.0.1:3004")
}
