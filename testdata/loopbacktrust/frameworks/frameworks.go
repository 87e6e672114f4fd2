// Package frameworks reaches the peer address through gin and echo: the
// package imports them, not net/http.
package frameworks

import (
	"net"
	"net/netip"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"
)

func ginAdmin(c *gin.Context) {
	host, _, _ := net.SplitHostPort(c.Request.RemoteAddr)
	if !net.ParseIP(host).IsLoopback() { // want `loopback check on the peer address`
		c.AbortWithStatus(403)
		return
	}
	c.String(200, "ok")
}

func ginRemoteIP(c *gin.Context) {
	if c.RemoteIP() != "127.0.0.1" { // want `loopback check`
		c.AbortWithStatus(403)
	}
}

var trusted = map[string]struct{}{"203.0.113.7": {}}

func ginAllowList() gin.HandlerFunc {
	return func(c *gin.Context) {
		ip, err := netip.ParseAddr(c.RemoteIP())
		if err != nil || !ip.IsPrivate() { // want `private-network check`
			c.AbortWithStatus(403)
			return
		}
		if _, ok := trusted[c.RemoteIP()]; !ok { // want `IP allow-list`
			c.AbortWithStatus(403)
			return
		}
		c.Next()
	}
}

// Silent: ClientIP may come from X-Forwarded-For; logging.
func ginSilent(c *gin.Context) {
	if c.ClientIP() == "127.0.0.1" {
		return
	}
	c.Set("peer", c.Request.RemoteAddr)
	c.JSON(200, gin.H{"remote": c.RemoteIP(), "local": net.ParseIP(c.RemoteIP()).IsLoopback()})
}

func echoAdmin(c echo.Context) error {
	host, _, err := net.SplitHostPort(c.Request().RemoteAddr)
	if err != nil {
		return err
	}
	if strings.HasPrefix(host, "10.") || host == "127.0.0.1" { // want `private-network check`
		return c.String(200, "ok")
	}
	return echo.ErrForbidden
}

// Silent: RealIP reads X-Forwarded-For / X-Real-IP.
func echoSilent(c echo.Context) error {
	if net.ParseIP(c.RealIP()).IsLoopback() {
		return c.String(200, "local")
	}
	c.Logger().Infof("from %s", c.Request().RemoteAddr)
	return nil
}

func echo5Admin(c *echo5.Context) error {
	ap, err := netip.ParseAddrPort(c.Request().RemoteAddr)
	if err != nil || !ap.Addr().IsLoopback() { // want `loopback check`
		return echo5.ErrForbidden
	}
	return c.String(200, "ok")
}
