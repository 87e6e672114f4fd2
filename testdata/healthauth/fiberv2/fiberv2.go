// Package fiberv2 holds healthauth fixtures for fiber v2: Use and groups
// apply, app-wide, to the routes registered after them under their prefix.
package fiberv2

import (
	"strings"

	jwtware "github.com/gofiber/contrib/jwt"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/basicauth"
	"github.com/gofiber/fiber/v2/middleware/keyauth"
	"github.com/gofiber/fiber/v2/middleware/logger"
)

func health(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusOK) }

// requireKey is auth by behaviour: it reads the header and refuses.
func requireKey(c *fiber.Ctx) error {
	if c.Get(fiber.HeaderAuthorization) == "" {
		return fiber.ErrUnauthorized
	}
	return c.Next()
}

func validate(c *fiber.Ctx, key string) (bool, error) { return key == "k", nil }

// Use applies only to routes registered after it.
func order() {
	app := fiber.New()
	app.Get("/healthz", health) // registered before Use: not behind auth
	app.Use(logger.New())
	app.Use(basicauth.New(basicauth.Config{Users: map[string]string{"a": "b"}}))
	app.Get("/readyz", health) // want `health route "/readyz" is behind auth middleware basicauth.New`
	app.Listen(":8080")
}

// Use with a path prefix reaches only the routes under it.
func prefixed() {
	app := fiber.New()
	app.Use("/api", requireKey)
	app.Get("/healthz", health)
	app.Get("/api/health", health) // want `health route "/api/health" is behind auth middleware requireKey`
}

// Group(prefix, mw...) is Use(prefix, mw...) on the app: it also reaches
// the app's own routes under the prefix; a group's Use likewise.
func groups() {
	app := fiber.New()
	app.Get("/livez", health)
	api := app.Group("/api", keyauth.New(keyauth.Config{Validator: validate}))
	api.Get("/ready", health)     // want `health route "/api/ready" is behind auth middleware keyauth.New`
	app.Get("/api/livez", health) // want `health route "/api/livez" is behind auth middleware keyauth.New`
	pub := app.Group("/public")
	pub.Get("/health", health)
	v1 := app.Group("/v1")
	v1.Get("/ping", health)
	v1.Use(requireKey)
	v1.Get("/healthz", health) // want `health route "/v1/healthz" is behind auth middleware requireKey`
}

func perRoute() {
	app := fiber.New()
	app.Get("/healthz", requireKey, health) // want `behind auth middleware requireKey`
	app.Get("/livez", logger.New(), health)
}

// A Next func that skips the health path makes the middleware not auth;
// one that skips something else does not.
func next() {
	app := fiber.New()
	app.Use(keyauth.New(keyauth.Config{
		Next:      func(c *fiber.Ctx) bool { return c.Path() == "/healthz" },
		Validator: validate,
	}))
	app.Get("/healthz", health)

	other := fiber.New()
	other.Use(keyauth.New(keyauth.Config{
		Next:      func(c *fiber.Ctx) bool { return c.Method() == fiber.MethodOptions },
		Validator: validate,
	}))
	other.Get("/readyz", health) // want `behind auth middleware keyauth.New`
}

func contribJWT() {
	app := fiber.New()
	app.Get("/healthz", health)
	app.Use(jwtware.New(jwtware.Config{SigningKey: jwtware.SigningKey{Key: []byte("secret")}}))
	app.Get("/readyz", health) // want `behind auth middleware jwtware.New`

	filtered := fiber.New()
	filtered.Use(jwtware.New(jwtware.Config{
		Filter:     func(c *fiber.Ctx) bool { return strings.HasPrefix(c.Path(), "/health") },
		SigningKey: jwtware.SigningKey{Key: []byte("secret")},
	}))
	filtered.Get("/health/live", health)
}

// Route(prefix, fn) calls fn with the group.
func route() {
	app := fiber.New()
	app.Use(requireKey)
	app.Route("/probes", func(r fiber.Router) {
		r.Get("/readyz", health) // want `health route "/probes/readyz" is behind auth middleware requireKey`
	})
}

// Registered by a helper before the caller's Use: not behind it.
func probes(app *fiber.App) { app.Get("/livez", health) }

func helperFirst() {
	app := fiber.New()
	probes(app)
	app.Use(requireKey)
}

type options struct{ skip func(*fiber.Ctx) bool }

// A Next func the rule cannot read may skip the health path: not flagged.
func nextUnknown(o options) {
	app := fiber.New()
	app.Use(keyauth.New(keyauth.Config{Next: o.skip, Validator: validate}))
	app.Get("/healthz", health)
}
