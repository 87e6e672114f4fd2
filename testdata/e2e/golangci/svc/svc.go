// Package svc is the golangci-lint plugin end-to-end fixture.
package svc

import (
	"net"
	"net/http"
)

// Reported: a Pod IP (as golangci-lint "(meshlint)").
func Orders() (*http.Response, error) {
	return http.Get("http://10.1.2.3:8080/orders")
}

// Reported: a second finding, to check positions.
func Payments() (net.Conn, error) {
	return net.Dial("tcp", "10.1.2.4:9000")
}

// Not reported: 10.12.0.0/16 is allowed by the hardcodedip-allow setting.
func Legacy() (net.Conn, error) {
	return net.Dial("tcp", "10.12.0.7:9100")
}

// Not reported: //nolint:meshlint.
func Nolint() (net.Conn, error) {
	return net.Dial("tcp", "10.1.2.5:9000") //nolint:meshlint // pinned appliance
}

// Not reported: //meshlint:ignore works under golangci-lint too.
func Ignored() (net.Conn, error) {
	//meshlint:ignore hardcodedip billing appliance outside the mesh
	return net.Dial("tcp", "10.1.2.6:9000")
}

// Not reported: loopbacklisten is disabled by the disable setting.
func Serve() error {
	return http.ListenAndServe("127.0.0.1:8080", nil)
}
