// Package echov5 holds healthauth fixtures for echo v5 (*echo.Context
// handlers; otherwise as echo v4).
package echov5

import (
	"net/http"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"
)

func health(c *echo.Context) error { return c.NoContent(http.StatusOK) }

// tokenCheck is auth by behaviour: it reads the header and returns 401.
func tokenCheck(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c *echo.Context) error {
		if c.Request().Header.Get(echo.HeaderAuthorization) == "" {
			return echo.ErrUnauthorized
		}
		return next(c)
	}
}

func keyValid(c *echo.Context, key string, src middleware.ExtractorSource) (bool, error) {
	return key == "k", nil
}

func userValid(c *echo.Context, u, p string) (bool, error) { return u == "a", nil }

// Use applies to every route of the instance, registered before or after.
func use() {
	e := echo.New()
	e.GET("/healthz", health) // want `health route "/healthz" is behind auth middleware middleware.KeyAuth`
	e.Use(middleware.RequestLogger())
	e.Use(middleware.KeyAuth(keyValid))
	e.Start(":8080")
}

func useNoAuth() {
	e := echo.New()
	e.Use(middleware.Recover())
	e.GET("/healthz", health)
}

func perRoute() {
	e := echo.New()
	e.GET("/readyz", health, tokenCheck) // want `behind auth middleware tokenCheck`
	e.GET("/livez", health, middleware.Recover())
}

// Groups: middleware given to Group applies to all its routes; a group's
// Use only to routes added after it; the instance's Use to all.
func groups() {
	e := echo.New()
	e.GET("/healthz", health)
	admin := e.Group("/admin", middleware.BasicAuth(userValid))
	admin.GET("/health", health) // want `health route "/admin/health" is behind auth middleware middleware.BasicAuth`
	api := e.Group("/api")
	api.GET("/ping", health)
	api.Use(tokenCheck)
	api.GET("/ready", health) // want `health route "/api/ready" is behind auth middleware tokenCheck`
	v1 := api.Group("/v1")
	v1.GET("/livez", health) // want `health route "/api/v1/livez" is behind auth middleware tokenCheck`
}

func skipper() {
	e := echo.New()
	e.Use(middleware.KeyAuthWithConfig(middleware.KeyAuthConfig{
		Skipper:   func(c *echo.Context) bool { return c.Path() == "/healthz" },
		Validator: keyValid,
	}))
	e.GET("/healthz", health)
}

func addRoute() {
	e := echo.New()
	e.AddRoute(echo.Route{Method: http.MethodGet, Path: "/readyz", Handler: health, Middlewares: []echo.MiddlewareFunc{tokenCheck}}) // want `health route "/readyz" is behind auth middleware tokenCheck`
	e.AddRoute(echo.Route{Method: http.MethodGet, Path: "/livez", Handler: health})
}

// A group made before its parent group's Use does not get it (echo copies
// the parent's middleware when the group is made).
func subgroupSnapshot() {
	e := echo.New()
	api := e.Group("/api")
	probes := api.Group("/probes")
	api.Use(tokenCheck)
	probes.GET("/healthz", health)
	later := api.Group("/later")
	later.GET("/healthz", health) // want `health route "/api/later/healthz" is behind auth middleware tokenCheck`
}
