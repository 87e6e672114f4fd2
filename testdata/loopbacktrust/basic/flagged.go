// Package basic holds net/http handlers that decide on the peer address.
package basic

import (
	"log"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strings"
)

const msg = "loopback check on the peer address: behind the sidecar"

// Admin endpoint open to local callers only: the sidecar is local.
func adminOnly(w http.ResponseWriter, r *http.Request) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		http.Error(w, "bad address", http.StatusBadRequest)
		return
	}
	ip := net.ParseIP(host)
	if !ip.IsLoopback() { // want `loopback check on the peer address: behind the sidecar every request arrives from the proxy \(127\.0\.0\.6\), so it admits every mesh client; authorize with an Istio AuthorizationPolicy or the caller's mTLS identity \(X-Forwarded-Client-Cert\)`
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
}

func privateOnly(w http.ResponseWriter, r *http.Request) {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		if net.ParseIP(host).IsPrivate() { // want `private-network check on the peer address: .*sees the proxy, never the client`
			w.WriteHeader(http.StatusOK)
		}
	}
}

// One finding per condition.
func either(w http.ResponseWriter, r *http.Request) {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	ip := net.ParseIP(host)
	if ip.IsLoopback() || ip.IsPrivate() { // want `loopback check on the peer address`
		return
	}
	http.Error(w, "forbidden", http.StatusForbidden)
}

func literals(w http.ResponseWriter, r *http.Request) {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	if host == "127.0.0.1" { // want `loopback check`
		return
	}
	if host != "::1" { // want `loopback check`
		return
	}
	if "localhost" == host { // want `loopback check`
		return
	}
	if r.RemoteAddr == "[::1]:8080" { // want `loopback check`
		return
	}
	if strings.HasPrefix(r.RemoteAddr, "127.") { // want `loopback check`
		return
	}
	if strings.HasPrefix(host, "10.") { // want `private-network check`
		return
	}
	if strings.HasPrefix(host, "192.168.") { // want `private-network check`
		return
	}
	if strings.HasPrefix(host, "172.16.") { // want `private-network check`
		return
	}
	if strings.HasPrefix(r.RemoteAddr, "[::1]") { // want `loopback check`
		return
	}
	if strings.Contains(r.RemoteAddr, "127.0.0.1") { // want `loopback check`
		return
	}
	if strings.EqualFold(host, "LOCALHOST") { // want `loopback check`
		return
	}
	if host == "10.0.0.7" { // want `IP allow-list`
		return
	}
}

const loopbackHost = "127.0.0.1"

// Named constants and variables assigned once count as literals.
func namedLiteral(r *http.Request) bool {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	local := loopbackHost
	return host == local // want `loopback check`
}

// Tagged switch: one finding per clause, at its first loopback value.
func switchHost(w http.ResponseWriter, r *http.Request) {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	switch host {
	case "127.0.0.1", "::1": // want `loopback check`
		w.WriteHeader(http.StatusOK)
	case "192.168.1.10": // want `IP allow-list`
		w.WriteHeader(http.StatusOK)
	case "203.0.113.7":
		w.WriteHeader(http.StatusAccepted)
	default:
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

// A predicate: the caller decides on what it returns.
func isLocal(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	return net.ParseIP(host).IsLoopback() // want `loopback check`
}

// A boolean variable that decides.
func viaVariable(w http.ResponseWriter, r *http.Request) {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	trusted := net.ParseIP(host).IsLoopback() // want `loopback check`
	if !trusted {
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

// strings.Split and strings.Cut parts, slicing.
func splitCut(w http.ResponseWriter, r *http.Request) {
	if strings.Split(r.RemoteAddr, ":")[0] == "127.0.0.1" { // want `loopback check`
		return
	}
	parts := strings.SplitN(r.RemoteAddr, ":", 2)
	if parts[0] == "localhost" { // want `loopback check`
		return
	}
	before, _, _ := strings.Cut(r.RemoteAddr, ":")
	if net.ParseIP(before).IsLoopback() { // want `loopback check`
		return
	}
	if r.RemoteAddr[:strings.LastIndex(r.RemoteAddr, ":")] == "127.0.0.1" { // want `loopback check`
		return
	}
	w.WriteHeader(http.StatusOK)
}

// netip: ParseAddr, ParseAddrPort(...).Addr(), String.
func withNetip(w http.ResponseWriter, r *http.Request) {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return
	}
	if ap.Addr().IsLoopback() { // want `loopback check`
		return
	}
	addr := ap.Addr()
	if addr.Unmap().IsPrivate() { // want `private-network check`
		return
	}
	if addr == netip.MustParseAddr("127.0.0.1") { // want `loopback check`
		return
	}
	if addr.String() == "::1" { // want `loopback check`
		return
	}
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	var parsed, perr = netip.ParseAddr(host)
	if perr == nil && parsed.IsLoopback() { // want `loopback check`
		return
	}
	w.WriteHeader(http.StatusOK)
}

// net.IP.Equal against a loopback address.
func equal(r *http.Request) bool {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	ip := net.ParseIP(host)
	if ip.Equal(net.IPv6loopback) { // want `loopback check`
		return true
	}
	return net.IPv4(127, 0, 0, 1).Equal(ip) // want `loopback check`
}

var trustedNets []*net.IPNet

var office = netip.MustParsePrefix("203.0.113.0/24")

// CIDR allow-lists.
func cidr(w http.ResponseWriter, r *http.Request) {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	ip := net.ParseIP(host)
	allowed := false
	for _, n := range trustedNets {
		if n.Contains(ip) { // want `IP allow-list matched against the peer address: behind the sidecar every request arrives from the proxy \(127\.0\.0\.6\), so the list sees no client IP; authorize`
			allowed = true
		}
	}
	if !allowed {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	addr, err := netip.ParseAddr(host)
	if err != nil || !office.Contains(addr) { // want `IP allow-list`
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

// In a closure: its return decides.
func inClosure(r *http.Request) bool {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	ip := net.ParseIP(host)
	return slices.ContainsFunc(trustedNets, func(n *net.IPNet) bool {
		return n.Contains(ip) // want `IP allow-list`
	})
}

var allowedIPs = map[string]bool{"203.0.113.7": true}

var allowedSet = map[netip.Addr]struct{}{netip.MustParseAddr("203.0.113.7"): {}}

var allowlist = []string{"203.0.113.7", "203.0.113.8"}

type server struct {
	allowed map[string]bool
	blocked map[string]struct{}
}

// Map and slice allow-lists.
func (s *server) lists(w http.ResponseWriter, r *http.Request) {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	if !allowedIPs[host] { // want `IP allow-list`
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	if s.allowed[host] && r.Method == http.MethodGet { // want `IP allow-list`
		return
	}
	if _, ok := s.blocked[host]; ok { // want `IP allow-list`
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	addr, _ := netip.ParseAddr(host)
	_, listed := allowedSet[addr] // want `IP allow-list`
	if !listed {
		return
	}
	if !slices.Contains(allowlist, host) { // want `IP allow-list`
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

// gRPC-style and framework-free: the field through a struct embedding
// the request.
type wrapped struct{ *http.Request }

func embedded(w wrapped) bool {
	return w.RemoteAddr == "127.0.0.1:80" // want `loopback check`
}

func suppressed(r *http.Request) bool {
	//meshlint:ignore loopbacktrust debug listener bound to 127.0.0.1, never reached through the sidecar
	return strings.HasPrefix(r.RemoteAddr, "127.0.0.1:")
}

var _ = msg

// A handler that logs X-Forwarded-For but decides on the peer address:
// the header read is not under the check, and the handler computes no
// address.
func adminWithLog(w http.ResponseWriter, r *http.Request) {
	log.Printf("admin call, forwarded for %q", r.Header.Get("X-Forwarded-For"))
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	if host != "127.0.0.1" { // want `loopback check`
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

// A variable every assignment of which holds the peer address.
func reassignedPeer(r *http.Request) bool {
	host := r.RemoteAddr
	if h, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	return host == "::1" // want `loopback check`
}

func lastIndex(w http.ResponseWriter, r *http.Request) {
	host := r.RemoteAddr
	if i := strings.LastIndex(host, ":"); i != -1 {
		host = host[:i]
	}
	switch strings.Trim(host, "[]") {
	case "localhost", "127.0.0.1": // want `loopback check`
		return
	}
	http.Error(w, "forbidden", http.StatusForbidden)
}

// Helpers of the package that return the peer address.
func peerIP(r *http.Request) net.IP {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return nil
	}
	return net.ParseIP(host)
}

func parsePeer(r *http.Request) (netip.Addr, error) {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return netip.Addr{}, err
	}
	return ap.Addr(), nil
}

func viaHelpers(w http.ResponseWriter, r *http.Request) {
	if !peerIP(r).IsLoopback() { // want `loopback check`
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	if addr, err := parsePeer(r); err != nil || !addr.IsPrivate() { // want `private-network check`
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

// Predicates of the package given the peer address: flagged at the call.
type netAllowlist struct{ nets []*net.IPNet }

func (m *netAllowlist) allowed(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	ip := net.ParseIP(host)
	for _, n := range m.nets {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

func isLoopbackAddr(addr string) bool {
	ip := net.ParseIP(addr)
	return ip != nil && ip.IsLoopback()
}

func (m *netAllowlist) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !m.allowed(r.RemoteAddr) { // want `IP allow-list`
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		host, _, _ := net.SplitHostPort(r.RemoteAddr)
		if r.URL.Path == "/admin" && !isLoopbackAddr(host) { // want `loopback check`
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// A guard on forwarding headers does not make a loopback test a
// trusted-proxy test: nothing here believes the header.
func isLocalhost(r *http.Request) bool {
	if r.Header.Get("X-Forwarded-For") != "" || r.Header.Get("X-Real-IP") != "" {
		return false
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return false
	}
	return ip.IsLoopback() // want `loopback check`
}

// net.ResolveTCPAddr and To4; a predicate held in a package variable.
var loopbackAuth = func(req *http.Request) bool {
	a, err := net.ResolveTCPAddr("tcp", req.RemoteAddr)
	return err == nil && a.IP.IsLoopback() // want `loopback check`
}

func to4(r *http.Request) bool {
	ip := peerIP(r).To4()
	return ip != nil && ip.IsPrivate() // want `private-network check`
}
