// Package fasthttpserver holds fasthttp servers, which fall back from
// IdleTimeout to ReadTimeout as net/http does.
package fasthttpserver

import (
	"time"

	"github.com/valyala/fasthttp"
)

func handler(ctx *fasthttp.RequestCtx) {}

func servers() {
	s := &fasthttp.Server{Handler: handler, ReadTimeout: 5 * time.Second} // want `fasthttp.Server closes idle connections after 5s \(ReadTimeout, used as IdleTimeout is not set\)`
	s.ListenAndServe(":8080")

	t := &fasthttp.Server{Handler: handler}
	t.IdleTimeout = 20 * time.Second // want `fasthttp.Server closes idle connections after 20s \(IdleTimeout\)`
	t.ListenAndServe(":8081")

	_ = fasthttp.Server{Handler: handler, ReadTimeout: 5 * time.Second, IdleTimeout: 2 * time.Hour}
	_ = fasthttp.Server{Handler: handler, ReadTimeout: 5 * time.Second, DisableKeepalive: true}
	_ = fasthttp.Server{Handler: handler, WriteTimeout: 5 * time.Second}
	_ = fasthttp.Server{Handler: handler, ReadTimeout: 5 * time.Second, MaxIdleWorkerDuration: time.Hour} // want `after 5s`

	local := &fasthttp.Server{Handler: handler, ReadTimeout: 5 * time.Second} // loopback only
	local.ListenAndServe("127.0.0.1:8082")
}
