package basic

import (
	"context"
	"net"
	"time"
)

const statsdNetwork = "udp"

// UDP dials are not captured by the sidecar (iptables redirects TCP only),
// and dialing UDP sends nothing: net.Dial("udp", ...) + LocalAddr() is how
// a pod learns its own IP.
func udpDials(ctx context.Context, network string) {
	conn, _ := net.Dial("udp", "8.8.8.8:80")
	_ = conn.LocalAddr()
	net.Dial("udp4", "10.0.0.5:8125")
	net.Dial("udp6", "[2001:db8::1]:8125")
	net.Dial(statsdNetwork, "10.0.0.5:8125")
	net.DialTimeout("udp", "10.0.0.5:8125", time.Second)
	var d net.Dialer
	d.Dial("udp", "10.0.0.5:8125")
	d.DialContext(ctx, "udp", "10.0.0.5:8125")
	net.DialUDP("udp", nil, &net.UDPAddr{IP: net.ParseIP("10.0.0.5"), Port: 8125})
	net.DialUDP(network, nil, &net.UDPAddr{IP: net.IPv4(10, 0, 0, 5), Port: 8125}) // always UDP

	// Still TCP: flagged.
	net.Dial("tcp", "10.0.0.5:6379")                       // want `hard-coded IP 10.0.0.5 in net.Dial`
	net.Dial("tcp4", "10.0.0.5:6379")                      // want `hard-coded IP 10.0.0.5 in net.Dial`
	d.DialContext(ctx, "tcp", "10.0.0.5:6379")             // want `hard-coded IP 10.0.0.5 in \(\*net.Dialer\).DialContext`
	net.Dial(network, "10.0.0.5:6379")                     // want `hard-coded IP 10.0.0.5 in net.Dial`
	net.DialTimeout(network, "10.0.0.5:6379", time.Second) // want `hard-coded IP 10.0.0.5 in net.DialTimeout`
}
