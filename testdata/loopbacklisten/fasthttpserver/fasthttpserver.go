// Package fasthttpserver holds fasthttp's listeners: the package-level
// ListenAndServe functions and the (*Server) methods.
package fasthttpserver

import (
	"os"

	"github.com/valyala/fasthttp"
)

func handler(ctx *fasthttp.RequestCtx) {}

func servers() {
	fasthttp.ListenAndServe("127.0.0.1:8080", handler)                      // want `"127.0.0.1:8080"`
	fasthttp.ListenAndServeTLS("localhost:8443", "c.pem", "k.pem", handler) // want `"localhost:8443"`
	fasthttp.ListenAndServeTLSEmbed("localhost:8444", nil, nil, handler)    // want `"localhost:8444"`
	s := &fasthttp.Server{Handler: handler}
	s.ListenAndServe("localhost:8081")                      // want `"localhost:8081"`
	s.ListenAndServeTLS("127.0.0.1:8445", "c.pem", "k.pem") // want `"127.0.0.1:8445"`
	s.ListenAndServeTLSEmbed("127.0.0.1:8446", nil, nil)    // want `"127.0.0.1:8446"`
	fasthttp.ListenAndServe(":8080", handler)
	fasthttp.ListenAndServe(os.Getenv("ADDR"), handler)
	s.ListenAndServe("0.0.0.0:8081")
	s.ListenAndServeUNIX("/tmp/app.sock", 0o600)
	fasthttp.ListenAndServe("localhost:0", handler) // ephemeral port
}
