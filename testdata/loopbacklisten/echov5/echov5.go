// Package echov5 holds echo v5's listeners: (*Echo).Start(address) and
// StartConfig{Address: ...}.
package echov5

import (
	"context"
	"net"
	"os"

	"github.com/labstack/echo/v5"
)

func start() {
	e := echo.New()
	e.Start("127.0.0.1:1323") // want `"127.0.0.1:1323"`
	e.Start("localhost:8080") // want `"localhost:8080"`
	e.Start(":1323")
	e.Start("0.0.0.0:1323")
	e.Start(os.Getenv("ADDR"))
}

func startConfig(ctx context.Context, ln net.Listener) {
	e := echo.New()
	sc := echo.StartConfig{Address: "localhost:8080"} // want `"localhost:8080"`
	_ = sc.Start(ctx, e)

	var sc2 echo.StartConfig
	sc2.Address = "127.0.0.1:9090" // want `"127.0.0.1:9090"`
	_ = sc2.Start(ctx, e)

	_ = echo.StartConfig{Address: ":8080"}
	_ = echo.StartConfig{Address: "localhost:8080", Listener: ln}               // the caller's listener is used, not the address
	_ = echo.StartConfig{Address: "localhost:8080", ListenerNetwork: "unix"}    // not TCP
	_ = echo.StartConfig{Address: "localhost:8080", ListenerNetwork: "tcp4"}    // want `"localhost:8080"`
	_ = echo.StartConfig{Address: "localhost:8080", ListenerNetwork: network()} // network not known
}

func network() string { return os.Getenv("NET") }
