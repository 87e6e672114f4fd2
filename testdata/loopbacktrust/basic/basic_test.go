package basic

import (
	"net"
	"net/http"
)

func testHelper(r *http.Request) bool {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	return net.ParseIP(host).IsLoopback()
}
