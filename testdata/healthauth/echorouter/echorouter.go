// Package echorouter holds healthauth fixtures for echo.
package echorouter

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func health(c echo.Context) error { return c.NoContent(http.StatusOK) }
func users(c echo.Context) error  { return nil }

// apiKey is auth by behaviour: it reads the header and returns 401.
func apiKey(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().Header.Get(echo.HeaderAuthorization) == "" {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		return next(c)
	}
}

func validator(key string, c echo.Context) (bool, error) { return key == "k", nil }

func use() {
	e := echo.New()
	e.GET("/healthz", health) // want `health route "/healthz" is behind auth middleware middleware.KeyAuth`
	e.Use(middleware.Logger())
	e.Use(middleware.KeyAuth(validator))
	e.GET("/users", users)
	e.Start(":8080")
}

func perRoute() {
	e := echo.New()
	e.GET("/healthz", health)
	e.GET("/readyz", health, apiKey) // want `behind auth middleware apiKey`
	e.GET("/livez", health, middleware.Recover())
}

func group() {
	e := echo.New()
	e.GET("/healthz", health)
	admin := e.Group("/admin", middleware.BasicAuth(func(u, p string, c echo.Context) (bool, error) { return true, nil }))
	admin.GET("/health", health) // want `health route "/admin/health" is behind auth middleware middleware.BasicAuth`
	api := e.Group("/api")
	api.GET("/ping", health) // group Use applies only to routes added after it
	api.Use(apiKey)
	api.GET("/ready", health) // want `behind auth middleware apiKey`
}

func skipper() {
	e := echo.New()
	e.Use(middleware.KeyAuthWithConfig(middleware.KeyAuthConfig{
		Skipper:   func(c echo.Context) bool { return c.Path() == "/healthz" },
		Validator: validator,
	}))
	e.GET("/healthz", health)
}

func skipperVar() {
	cfg := middleware.BasicAuthConfig{Validator: func(u, p string, c echo.Context) (bool, error) { return true, nil }}
	cfg.Skipper = func(c echo.Context) bool { return true }
	e := echo.New()
	e.Use(middleware.BasicAuthWithConfig(cfg))
	e.GET("/livez", health)
}

func withConfigNoSkipper() {
	e := echo.New()
	e.Use(middleware.KeyAuthWithConfig(middleware.KeyAuthConfig{Validator: validator}))
	e.GET("/health", health) // want `behind auth middleware middleware.KeyAuthWithConfig`
}

func wrapMiddleware() {
	e := echo.New()
	e.Use(echo.WrapMiddleware(bearerCheck))
	e.GET("/healthz", health) // want `behind auth middleware bearerCheck`
}

func bearerCheck(next http.Handler) http.Handler { return next }
