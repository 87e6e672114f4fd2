// Package pprofidiom shows the deliberately private pprof listener, which
// is not flagged, next to a real service listener that is.
package pprofidiom

import (
	"log"
	"net/http"
	_ "net/http/pprof"
)

func main() {
	go func() {
		log.Println(http.ListenAndServe("localhost:6060", nil))
	}()
	go http.ListenAndServe("127.0.0.1:6061", http.DefaultServeMux)
	_ = &http.Server{Addr: "localhost:6062"}

	mux := http.NewServeMux()
	http.ListenAndServe("localhost:8080", mux) // want `"localhost:8080"`
}
