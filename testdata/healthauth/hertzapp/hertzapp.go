// Package hertzapp holds healthauth fixtures for hertz: as gin, Use applies
// only to routes registered after it.
package hertzapp

import (
	"context"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/middlewares/server/basic_auth"
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/protocol/consts"
	"github.com/hertz-contrib/jwt"
)

func health(ctx context.Context, c *app.RequestContext) { c.Status(consts.StatusOK) }

// apiKey is auth by behaviour.
func apiKey(ctx context.Context, c *app.RequestContext) {
	if len(c.GetHeader("Authorization")) == 0 {
		c.AbortWithStatus(consts.StatusUnauthorized)
		return
	}
	c.Next(ctx)
}

func logRequests(ctx context.Context, c *app.RequestContext) { c.Next(ctx) }

func order() {
	h := server.Default()
	h.GET("/healthz", health) // registered before Use: not behind auth
	h.Use(logRequests)
	h.Use(basic_auth.BasicAuth(basic_auth.Accounts{"a": "b"}))
	h.GET("/readyz", health) // want `health route "/readyz" is behind auth middleware basic_auth.BasicAuth`
	h.Spin()
}

func groups() {
	h := server.New()
	admin := h.Group("/admin", apiKey)
	admin.GET("/health", health) // want `health route "/admin/health" is behind auth middleware apiKey`
	h.GET("/livez", health)
	api := h.Group("/api")
	api.GET("/ping", health)
	api.Use(apiKey)
	api.GET("/ready", health) // want `health route "/api/ready" is behind auth middleware apiKey`
}

func perRoute() {
	h := server.New()
	h.GET("/healthz", apiKey, health) // want `behind auth middleware apiKey`
	h.GET("/livez", logRequests, health)
}

func contribJWT() {
	j, err := jwt.New(&jwt.HertzJWTMiddleware{Key: []byte("secret")})
	if err != nil {
		return
	}
	h := server.New()
	h.GET("/ping", health)
	h.Use(j.MiddlewareFunc())
	h.GET("/health", health) // want `health route "/health" is behind auth middleware j.MiddlewareFunc`
}
