// Package intport spells its port as an integer constant only: the fast
// path on string constants must not skip it.
package intport

import (
	"fmt"
	"net"
	"net/http"
)

const healthPort = 15021

func serve(mux *http.ServeMux) {
	http.ListenAndServe(fmt.Sprintf(":%d", 15020), mux)        // want `port 15020`
	net.Listen("tcp", fmt.Sprintf("0.0.0.0:%d", healthPort))   // want `port 15021`
	http.ListenAndServe(fmt.Sprintf(":%d", healthPort+1), mux) // 15022: not the sidecar's
}
