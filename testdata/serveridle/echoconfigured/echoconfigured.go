// Package echoconfigured sets echo's ReadTimeout in one function and its
// IdleTimeout in another: the server's idle timeout is not only the
// ReadTimeout.
package echoconfigured

import (
	"time"

	"github.com/labstack/echo/v4"
)

func newEcho() *echo.Echo {
	e := echo.New()
	e.Server.ReadTimeout = 30 * time.Second
	return e
}

func tune(e *echo.Echo) {
	e.Server.IdleTimeout = 2 * time.Hour
}
