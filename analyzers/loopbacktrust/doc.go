// Package loopbacktrust defines an Analyzer that reports security
// decisions taken on the peer address, which behind the sidecar is the
// sidecar's.
//
// # Analyzer loopbacktrust
//
// loopbacktrust: report security decisions taken on the peer address, which behind the sidecar is the sidecar's
//
// Behind an Istio sidecar every inbound connection reaches the application
// from the proxy inside the pod: since Istio 1.10 from 127.0.0.6 (the
// inbound passthrough source address), before that from 127.0.0.1. So
// r.RemoteAddr, gRPC's peer address and everything taken from them are the
// proxy's for every request, whoever the caller is. A check that trusts
// loopback ("only local callers may reach /admin") admits every client in
// the mesh; a private-range check sees the proxy, never the client; and an
// allow-list or deny-list of client IPs sees no client IP at all (banning
// the "client" bans everyone).
//
// The peer address is the RemoteAddr field of *http.Request (also reached
// through gin's c.Request and echo's c.Request()), the Addr of gRPC's
// peer.FromContext(ctx), gin's c.RemoteIP() (unlike c.ClientIP(), never a
// header), fasthttp's ctx.RemoteAddr()/RemoteIP() and hertz's
// c.RemoteAddr(). Values taken from it are followed: the host of
// net.SplitHostPort, net.ParseIP, netip.ParseAddr,
// netip.ParseAddrPort(...).Addr(), net.ResolveTCPAddr, the first part of
// strings.Split/SplitN, the part before strings.Cut, trims and slices
// (addr[:strings.LastIndex(addr, ":")]), .String(), To4, Unmap, a type
// assertion to *net.TCPAddr (also in a type switch) and its IP field;
// local variables every assignment of which is such a value
// (host, _, err := net.SplitHostPort(r.RemoteAddr), or host := r.RemoteAddr
// then host = h); and functions of the package that return such a value on
// every path (func remoteIP(r *http.Request) net.IP).
//
// Flagged, at the check, where its result decides (the condition of an
// if, for or switch case, a returned boolean, a variable that is one):
//
//	host, _, _ := net.SplitHostPort(r.RemoteAddr)
//	if ip := net.ParseIP(host); !ip.IsLoopback() { // loopback check
//		http.Error(w, "forbidden", http.StatusForbidden)
//	}
//	if strings.HasPrefix(r.RemoteAddr, "127.") || host == "::1" { ... }
//	if addr, err := netip.ParseAddr(host); err == nil && addr.IsPrivate() { ... }
//	if !trustedNet.Contains(ip) { ... }              // *net.IPNet, netip.Prefix
//	if !allowed[host] { ... }                         // map[string]bool
//	if _, ok := allowed[host]; !ok { ... }            // map[string]struct{}
//	if slices.Contains(allowlist, host) { ... }
//	if host == "10.1.2.3" { ... }                     // an allow-list of one
//
//	p, _ := peer.FromContext(ctx) // gRPC interceptor
//	if tcp, ok := p.Addr.(*net.TCPAddr); ok && tcp.IP.IsLoopback() { ... }
//
// A call of a boolean function of the package that makes such a check on
// the peer address it is given is flagged at the call:
// if !m.allowed(r.RemoteAddr) { ... }.
//
// Literals count as loopback or private when they are localhost or parse
// as such an address (127.0.0.1, ::1, [::1], [::1]:8080, 10.1.2.3), also as
// named constants or net.ParseIP/netip.MustParseAddr/net.IPv4 of
// constants, net.IPv6loopback; for strings.HasPrefix, also whole leading
// octets of one ("127.", "10.", "192.168.", "172.16."). A tagged switch on
// the peer address is flagged at each clause with such a value. One
// finding per condition: ip.IsLoopback() || ip.IsPrivate() is one. (An
// exact comparison with 127.0.0.1 admitted every mesh client before Istio
// 1.10 and admits none since: either way it tells no client apart.)
//
// Not flagged:
//   - the address logged, formatted, stored, returned, or compared with "";
//     a check whose result is only logged, passed on or stored in a field;
//   - values from X-Forwarded-For, X-Real-IP and other headers: they are
//     not the peer address, and a variable or function that may give
//     either (ip := r.Header.Get("X-Real-IP"); if ip == "" { ip =
//     r.RemoteAddr }) holds no known value; so are gin's c.ClientIP(),
//     echo's c.RealIP(), fiber's c.IP() and hertz's c.ClientIP(), which may
//     come from such a header;
//   - trusted-proxy tests, which decide whether to believe such a header:
//     behind the sidecar, the proxy that sets it, trusting it is right. A
//     check is one when its if statement names a forwarding header, when
//     its function uses one's value (testing that the header is absent or
//     logging it does not count), when its function returns an IP (it
//     computes the client address: realIP, clientIP), or when it names the
//     proxy (isTrustedProxy(ip), s.trustedProxies.Contains(ip));
//   - rate-limit keys and caches: a map indexed by the address whose values
//     are not bool/struct{} (limiters, counters), and any map the same
//     function writes to (if !seen[ip] { seen[ip] = true });
//   - checks on values that do not come from the peer address: an IP from
//     configuration, a header, a DNS lookup, a parameter, the result of a
//     function of another package; the request's Host;
//   - tests other than those above (IsUnspecified, IsGlobalUnicast, a loop
//     comparing with each entry of a list), and the port.
//
// Fix: authorize the caller in the mesh, not by address: an Istio
// AuthorizationPolicy (source principals, namespaces) in front of the
// endpoint, or the caller's mTLS identity, which the sidecar passes in the
// X-Forwarded-Client-Cert header (its URI field holds the caller's SPIFFE
// ID). For logging the client address, use X-Forwarded-For with the
// number of trusted hops. A listener that is only ever reached from inside
// the pod, never through the sidecar (a port excluded from interception),
// can keep its check, with a suppression:
//
//	//meshlint:ignore loopbacktrust status port excluded from interception, reached from the pod only
//
// Sources: istio/istio#29603, #32802 and #15236 (the application sees the
// sidecar's address as the peer); Istio 1.10 upgrade notes and the blog
// "Upcoming networking changes in Istio 1.10" (inbound traffic is
// forwarded from 127.0.0.6 to the pod IP).
package loopbacktrust
