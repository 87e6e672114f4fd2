// Package echov4more holds echo v4's other listeners and its e.Server.
package echov4more

import (
	"github.com/labstack/echo/v4"
	"golang.org/x/net/http2"
)

func start() {
	e := echo.New()
	e.StartAutoTLS("127.0.0.1:443")                     // want `"127.0.0.1:443"`
	e.StartH2CServer("localhost:8080", &http2.Server{}) // want `"localhost:8080"`
	e.Server.Addr = "127.0.0.1:8081"                    // want `"127.0.0.1:8081"`
	e.StartAutoTLS(":443")
	e.StartH2CServer(":8080", &http2.Server{})
	e.Server.Addr = ":8081"
}
