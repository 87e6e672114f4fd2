// Package fast reaches the peer address through fasthttp and hertz.
package fast

import (
	"context"
	"net"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/valyala/fasthttp"
)

func fasthttpAdmin(ctx *fasthttp.RequestCtx) {
	if !ctx.RemoteIP().IsLoopback() { // want `loopback check on the peer address`
		ctx.Error("forbidden", fasthttp.StatusForbidden)
		return
	}
	if tcp, ok := ctx.RemoteAddr().(*net.TCPAddr); ok && tcp.IP.IsPrivate() { // want `private-network check`
		return
	}
	ctx.Logger().Printf("from %s", ctx.RemoteIP()) // silent: logged
}

// Silent: a header value is not the peer address, and a function that
// believes X-Real-IP tests the peer as a trusted proxy.
func fasthttpRealIP(ctx *fasthttp.RequestCtx) net.IP {
	if ip := net.ParseIP(string(ctx.Request.Header.Peek("X-Real-IP"))); ip != nil && ctx.RemoteIP().IsLoopback() {
		return ip
	}
	return ctx.RemoteIP()
}

func hertzAdmin(c context.Context, ctx *app.RequestContext) {
	host, _, _ := net.SplitHostPort(ctx.RemoteAddr().String())
	if host != "127.0.0.1" { // want `loopback check`
		ctx.AbortWithStatus(403)
		return
	}
	// Silent: ClientIP reads X-Forwarded-For / X-Real-IP.
	if ctx.ClientIP() == "127.0.0.1" {
		return
	}
}
