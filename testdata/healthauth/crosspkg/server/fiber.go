package server

import (
	"github.com/gofiber/fiber/v2"

	"example.com/fixtures/healthauth/crosspkg/authmw"
)

func ok(c *fiber.Ctx) error { return nil }

func fiberApp() {
	app := fiber.New()
	app.Use(authmw.Keycheck)
	app.Get("/healthz", ok) // want `health route "/healthz" is behind auth middleware authmw.Keycheck`

	other := fiber.New()
	other.Use(authmw.Probe)
	other.Get("/livez", ok)
}
