package authmw

import "github.com/gofiber/fiber/v2"

// Keycheck refuses requests without a key: fiber middleware judged from
// its source by a package of the same module.
func Keycheck(c *fiber.Ctx) error {
	if c.Get("X-Key") == "" {
		return fiber.ErrUnauthorized
	}
	return c.Next()
}

// Probe lets /livez through before refusing: not auth for the rule.
func Probe(c *fiber.Ctx) error {
	if c.Path() == "/livez" {
		return c.Next()
	}
	return c.SendStatus(fiber.StatusForbidden)
}
