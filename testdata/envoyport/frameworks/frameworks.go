// Package frameworks holds the framework listeners on sidecar ports.
package frameworks

import (
	"context"

	"github.com/cloudwego/hertz/pkg/app/server"
	fiberv2 "github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v3"
	echov5 "github.com/labstack/echo/v5"
	"github.com/valyala/fasthttp"
)

func handler(ctx *fasthttp.RequestCtx) {}

func servers(ctx context.Context) {
	e := echov5.New()
	e.Start(":15000")                           // want `port 15000`
	sc := echov5.StartConfig{Address: ":15020"} // want `port 15020`
	_ = sc.Start(ctx, e)
	e.Start(":1323")

	a2 := fiberv2.New()
	a2.Listen(":15006")                      // want `port 15006`
	a2.ListenTLS(":15008", "c.pem", "k.pem") // want `port 15008`
	a2.Listen(":3000")
	a3 := fiber.New()
	a3.Listen(":15090")                                                        // want `port 15090`
	a3.Listen(":15021", fiber.ListenConfig{ListenerNetwork: fiber.NetworkTCP}) // want `port 15021`
	a3.Listen(":3000")

	server.Default(server.WithHostPorts(":15008")) // want `port 15008`
	server.Default(server.WithHostPorts(":8888"))

	fasthttp.ListenAndServe(":15001", handler) // want `port 15001`
	s := &fasthttp.Server{Handler: handler}
	s.ListenAndServe("0.0.0.0:15053") // want `port 15053`
	s.ListenAndServe(":8080")
}
