// Package ginrouter holds healthauth fixtures for gin.
package ginrouter

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

func health(c *gin.Context) { c.Status(http.StatusOK) }
func users(c *gin.Context)  {}

// AuthRequired is a gin middleware factory, auth by name.
func AuthRequired() gin.HandlerFunc {
	return func(c *gin.Context) { c.Next() }
}

// verify is auth by behaviour (gin.HandlerFunc shape).
func verify(c *gin.Context) {
	if c.GetHeader("Authorization") == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Next()
}

// sessionCheck exempts health before checking.
func sessionCheck() gin.HandlerFunc {
	return func(c *gin.Context) {
		if strings.HasPrefix(c.FullPath(), "/health") {
			c.Next()
			return
		}
		c.AbortWithStatusJSON(403, gin.H{"error": "forbidden"})
	}
}

func useAfter() {
	r := gin.New()
	r.Use(gin.Logger())
	r.GET("/healthz", health) // registered before Use: not behind auth
	r.Use(AuthRequired())
	r.GET("/readyz", health) // want `health route "/readyz" is behind auth middleware AuthRequired`
	r.GET("/users", users)
	r.Run(":8080")
}

func group() {
	r := gin.Default()
	r.GET("/ping", health)
	authorized := r.Group("/admin", gin.BasicAuth(gin.Accounts{"foo": "bar"}))
	authorized.GET("/health", health) // want `health route "/admin/health" is behind auth middleware gin.BasicAuth`
	api := r.Group("/api")
	api.GET("/healthz", health)
	api.Use(verify)
	api.GET("/ready", health) // want `health route "/api/ready" is behind auth middleware verify`
	pub := r.Group("/public")
	pub.GET("/livez", health)
}

// A group made before the parent's Use does not get it.
func groupSnapshot() {
	r := gin.New()
	probes := r.Group("/")
	r.Use(AuthRequired())
	probes.GET("/healthz", health)
	later := r.Group("/v1")
	later.GET("/health", health) // want `behind auth middleware AuthRequired`
}

func perRoute() {
	r := gin.New()
	r.GET("/healthz", AuthRequired(), health) // want `behind auth middleware AuthRequired`
	r.GET("/livez", gin.Recovery(), health)
	r.Handle("GET", "/readyz", verify, health) // want `behind auth middleware verify`
	r.GET("/users", verify, users)
}

func skipping() {
	r := gin.New()
	r.Use(sessionCheck())
	r.GET("/healthz", health)
}

func basicForRealm() {
	r := gin.New()
	r.Use(gin.BasicAuthForRealm(gin.Accounts{"a": "b"}, "x"))
	r.GET("/health/live", health) // want `behind auth middleware gin.BasicAuthForRealm`
}

func wrapped() {
	r := gin.New()
	r.GET("/healthz", health) // want `behind auth middleware authHandler`
	srv := &http.Server{Addr: ":8080", Handler: authHandler(r)}
	srv.ListenAndServe()
}

func authHandler(h http.Handler) http.Handler { return h }
