package basic

import (
	"fmt"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"strings"
	"sync"
)

// Logging and formatting the address, or the result of a check.
func logs(w http.ResponseWriter, r *http.Request) {
	log.Printf("request from %s", r.RemoteAddr)
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	ip := net.ParseIP(host)
	slog.Info("peer", "addr", host, "loopback", ip.IsLoopback())
	fmt.Fprintf(w, "you are %s (private: %v)\n", ip, ip.IsPrivate())
	log.Println(host == "127.0.0.1")
}

type record struct {
	Addr     string
	Loopback bool
}

var records []record

// Stored and returned.
func store(r *http.Request) record {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	rec := record{Addr: host, Loopback: net.ParseIP(host).IsLoopback()}
	records = append(records, rec)
	return rec
}

func remoteHost(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// Compared with "".
func empty(w http.ResponseWriter, r *http.Request) {
	if r.RemoteAddr == "" {
		http.Error(w, "no address", http.StatusBadRequest)
	}
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	if host != "" && host != "203.0.113.7" {
		w.WriteHeader(http.StatusOK)
	}
}

// X-Forwarded-For / X-Real-IP: values from headers are not the peer
// address.
func forwarded(w http.ResponseWriter, r *http.Request) {
	xff := r.Header.Get("X-Forwarded-For")
	first := strings.TrimSpace(strings.Split(xff, ",")[0])
	if net.ParseIP(first).IsLoopback() {
		return
	}
	if r.Header.Get("X-Real-IP") == "127.0.0.1" {
		return
	}
}

// A variable given the peer address or a header: no single value.
func clientIP(r *http.Request) string {
	ip := r.Header.Get("X-Real-IP")
	if ip == "" {
		ip = r.RemoteAddr
	}
	return ip
}

func usesClientIP(w http.ResponseWriter, r *http.Request) {
	ip := clientIP(r)
	if ip == "127.0.0.1" {
		return
	}
	if strings.HasPrefix(ip, "10.") {
		return
	}
}

// A trusted-proxy test: the peer is checked to decide whether to believe
// X-Forwarded-For (behind the sidecar, rightly).
func realIP(r *http.Request) string {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	ip := net.ParseIP(host)
	if ip.IsLoopback() || ip.IsPrivate() {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			return strings.TrimSpace(strings.Split(xff, ",")[0])
		}
	}
	return host
}

// Rate limiting keyed by the peer address.
type limiter struct{ tokens int }

func (l *limiter) allow() bool { l.tokens--; return l.tokens >= 0 }

type rateLimiter struct {
	mu       sync.Mutex
	visitors map[string]*limiter
	counts   map[string]int
	seen     map[string]bool
}

func (rl *rateLimiter) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, _ := net.SplitHostPort(r.RemoteAddr)
		rl.mu.Lock()
		v, ok := rl.visitors[host]
		if !ok {
			v = &limiter{tokens: 10}
			rl.visitors[host] = v
		}
		rl.counts[host]++
		if rl.counts[host] > 100 {
			rl.mu.Unlock()
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		if !rl.seen[host] {
			rl.seen[host] = true
			log.Printf("first request from %s", host)
		}
		rl.mu.Unlock()
		if !v.allow() {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Checks on values that do not come from the peer address.
var adminNets []*net.IPNet

func notPeer(w http.ResponseWriter, r *http.Request, param string) {
	cfg := net.ParseIP(os.Getenv("UPSTREAM_IP"))
	if cfg.IsLoopback() {
		return
	}
	addrs, _ := net.LookupHost("db.internal")
	for _, a := range addrs {
		if ip := net.ParseIP(a); ip.IsPrivate() {
			return
		}
		if a == "127.0.0.1" {
			return
		}
	}
	if net.ParseIP(param).IsLoopback() {
		return
	}
	for _, n := range adminNets {
		if n.Contains(cfg) {
			return
		}
	}
	if r.Host == "localhost" || strings.HasPrefix(r.Host, "127.") {
		return
	}
	if r.URL.Hostname() == "localhost" {
		return
	}
	local, _ := netip.ParseAddr(os.Getenv("BIND"))
	if local.IsLoopback() {
		return
	}
}

// The port, and tests meshlint does not judge.
func other(w http.ResponseWriter, r *http.Request) {
	host, port, _ := net.SplitHostPort(r.RemoteAddr)
	if port == "10" {
		return
	}
	parts := strings.Split(r.RemoteAddr, ":")
	if len(parts) > 1 && parts[1] == "127" {
		return
	}
	ip := net.ParseIP(host)
	if ip == nil || ip.IsUnspecified() || !ip.IsGlobalUnicast() {
		return
	}
	// Prefixes that do not begin a loopback or private address.
	if strings.HasPrefix(host, "10") || strings.HasPrefix(host, "172.") || strings.HasPrefix(host, "203.0.113.") {
		return
	}
	if host == "0.0.0.0" || host == "169.254.169.254" || host == "example.com" {
		return
	}
}

// A variable reassigned: no single value.
func reassigned(r *http.Request, fallback string) bool {
	host := r.RemoteAddr
	if fallback != "" {
		host = fallback
	}
	return host == "127.0.0.1"
}

// A trusted-proxy test with an early return, in a function computing the
// client address.
func clientAddr(r *http.Request) netip.Addr {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return netip.Addr{}
	}
	if !ap.Addr().IsLoopback() && !ap.Addr().IsPrivate() {
		return ap.Addr()
	}
	xff := r.Header.Get("X-Forwarded-For")
	addr, err := netip.ParseAddr(strings.TrimSpace(strings.Split(xff, ",")[0]))
	if err != nil {
		return ap.Addr()
	}
	return addr
}

// Trusted-proxy middleware: the header is read under the check.
var proxies = map[string]bool{"127.0.0.6": true}

func realIPMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, _ := net.SplitHostPort(r.RemoteAddr)
		if proxies[host] {
			if ip := r.Header.Get("X-Real-Ip"); ip != "" {
				r.RemoteAddr = net.JoinHostPort(ip, "0")
			}
		}
		if _, ok := proxies[host]; ok {
			if fwd := r.Header.Values("Forwarded"); len(fwd) > 0 {
				log.Printf("forwarded: %v", fwd)
			}
		}
		next.ServeHTTP(w, r)
	})
}

// A helper that may return a header value: not the peer address.
func forwardedOrPeer(r *http.Request) net.IP {
	if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
		return net.ParseIP(strings.TrimSpace(strings.Split(xff, ",")[0]))
	}
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	return net.ParseIP(host)
}

func usesForwardedOrPeer(w http.ResponseWriter, r *http.Request) {
	if !forwardedOrPeer(r).IsLoopback() {
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

// Predicates given values that are not the peer address, or whose result
// decides nothing.
func isLoopbackHost(host string) bool {
	return net.ParseIP(host).IsLoopback()
}

func normalize(host string) string {
	if host == "::1" {
		return "127.0.0.1"
	}
	return host
}

func helpersSilent(w http.ResponseWriter, r *http.Request) {
	if isLoopbackHost(os.Getenv("DB_HOST")) {
		return
	}
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	log.Printf("loopback peer: %v", isLoopbackHost(host))
	if normalize(host) != "" {
		w.WriteHeader(http.StatusOK)
	}
}

// Trusted-proxy tests whose header handling lives elsewhere: a function
// computing the client IP, and checks naming the proxy.
type proxyConfig struct {
	trustedPeers   []netip.Prefix
	trustedProxies []netip.Prefix
	headers        []string
}

func inNets(ip netip.Addr, nets []netip.Prefix) bool {
	for _, n := range nets {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

func (pc *proxyConfig) fromHeaders(r *http.Request) netip.Addr {
	for _, h := range pc.headers {
		if ip, err := netip.ParseAddr(r.Header.Get(h)); err == nil {
			return ip
		}
	}
	return netip.Addr{}
}

func (pc *proxyConfig) clientIP(r *http.Request) netip.Addr {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return netip.Addr{}
	}
	if !inNets(ap.Addr(), pc.trustedPeers) {
		return ap.Addr()
	}
	if ip := pc.fromHeaders(r); ip.IsValid() {
		return ip
	}
	return ap.Addr()
}

func (pc *proxyConfig) isTrustedProxy(ip netip.Addr) bool {
	return inNets(ip, pc.trustedProxies)
}

func (pc *proxyConfig) determine(r *http.Request) (bool, string) {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return false, ""
	}
	if pc.isTrustedProxy(ap.Addr()) {
		return true, pc.fromHeaders(r).String()
	}
	if inNets(ap.Addr(), pc.trustedProxies) {
		return true, pc.fromHeaders(r).String()
	}
	return false, ap.Addr().String()
}
