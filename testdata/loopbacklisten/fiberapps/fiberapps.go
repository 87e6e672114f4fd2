// Package fiberapps holds fiber v2 and v3 listeners: app.Listen(addr) and
// the TLS forms.
package fiberapps

import (
	"crypto/tls"
	"os"

	fiberv2 "github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v3"
)

func v2(cert tls.Certificate) {
	app := fiberv2.New()
	app.Listen("127.0.0.1:3000")                                      // want `"127.0.0.1:3000"`
	app.ListenTLS("localhost:3443", "c.pem", "k.pem")                 // want `"localhost:3443"`
	app.ListenTLSWithCertificate("[::1]:3444", cert)                  // want `"\[::1\]:3444"`
	app.ListenMutualTLS("localhost:3445", "c.pem", "k.pem", "ca.pem") // want `"localhost:3445"`
	app.ListenMutualTLSWithCertificate("localhost:3446", cert, nil)   // want `"localhost:3446"`
	app.Listen(":3000")
	app.Listen("0.0.0.0:3000")
	app.Listen(os.Getenv("ADDR"))
}

func v3(cfg fiber.ListenConfig) {
	app := fiber.New()
	app.Listen("127.0.0.1:3000")                                                         // want `"127.0.0.1:3000"`
	app.Listen("localhost:3001", fiber.ListenConfig{DisableStartupMessage: true})        // want `"localhost:3001"`
	app.Listen("localhost:3002", fiber.ListenConfig{ListenerNetwork: fiber.NetworkTCP6}) // want `"localhost:3002"`
	app.Listen(":3000")
	app.Listen("localhost:3003", fiber.ListenConfig{ListenerNetwork: fiber.NetworkUnix}) // a unix socket
	app.Listen("localhost:3004", cfg)                                                    // network not known
	unix := fiber.ListenConfig{ListenerNetwork: "unix"}
	app.Listen("localhost:3005", unix)
}
