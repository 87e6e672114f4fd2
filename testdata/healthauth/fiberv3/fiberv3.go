// Package fiberv3 holds healthauth fixtures for fiber v3 (fiber.Ctx is an
// interface; handlers are func(fiber.Ctx) error).
package fiberv3

import (
	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/basicauth"
	"github.com/gofiber/fiber/v3/middleware/keyauth"
	"github.com/gofiber/fiber/v3/middleware/skip"
)

func health(c fiber.Ctx) error { return c.SendStatus(fiber.StatusOK) }

// session is auth by behaviour.
func session(c fiber.Ctx) error {
	if c.Get("Authorization") == "" {
		return c.SendStatus(fiber.StatusUnauthorized)
	}
	return c.Next()
}

func valid(c fiber.Ctx, key string) (bool, error) { return key == "k", nil }

var users = map[string]string{"a": "{SHA256}x"}

func order() {
	app := fiber.New()
	app.Get("/healthz", health)
	app.Use(basicauth.New(basicauth.Config{Users: users}))
	app.Get("/readyz", health) // want `health route "/readyz" is behind auth middleware basicauth.New`
	app.Listen(":8080")
}

func groups() {
	app := fiber.New()
	api := app.Group("/api", keyauth.New(keyauth.Config{Validator: valid}))
	api.Get("/health", health) // want `health route "/api/health" is behind auth middleware keyauth.New`
	app.Get("/livez", health)
	app.Get("/readyz", session, health) // want `health route "/readyz" is behind auth middleware session`
}

func next() {
	app := fiber.New()
	app.Use(keyauth.New(keyauth.Config{
		Next:      func(c fiber.Ctx) bool { return c.Path() == "/readyz" },
		Validator: valid,
	}))
	app.Get("/readyz", health)
}

func routeChain() {
	app := fiber.New()
	app.RouteChain("/livez").Get(health)
	app.Use(session)
	app.RouteChain("/readyz").Get(health) // want `health route "/readyz" is behind auth middleware session`
}

// app.Use(prefix, sub) mounts sub behind the middleware registered before.
func mounted() {
	sub := fiber.New()
	sub.Get("/health", health) // want `behind auth middleware session`
	app := fiber.New()
	app.Use(session)
	app.Use("/v1", sub)
}

// skip.New(mw, exclude): exclude skipping the health path makes it not auth.
func skipped() {
	app := fiber.New()
	app.Use(skip.New(basicauth.New(basicauth.Config{Users: users}), func(c fiber.Ctx) bool { return c.Path() == "/healthz" }))
	app.Get("/healthz", health)

	other := fiber.New()
	other.Use(skip.New(basicauth.New(basicauth.Config{Users: users}), func(c fiber.Ctx) bool { return c.Method() == fiber.MethodOptions }))
	other.Get("/healthz", health) // want `behind auth middleware basicauth.New`
}
