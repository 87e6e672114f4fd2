package lint

import (
	"fmt"
	"net/netip"
	"strings"
)

// AddrKind says how a string names a network endpoint.
type AddrKind int

const (
	HostPort   AddrKind = iota // "host:port", "[v6]:port" (net.Dial, net.Listen, http.Server.Addr)
	URL                        // "scheme://[user@]host[:port]/path" (http.Get, http.NewRequest)
	GRPCTarget                 // "dns:///host:port", "ipv4:a:p,b:p", "passthrough:///host:port", "host:port"
	Host                       // a bare host, optionally with a port (url.URL.Host)
)

// Hosts returns the hosts named by s read as kind, as far as they are
// known: a host counts only when the known leading text holds all of it,
// ended by ':', '/', '?' or '#' (or the end of a complete string). It never
// panics, whatever s holds.
func Hosts(kind AddrKind, s Str) []string {
	switch kind {
	case HostPort, Host:
		if h, ok := hostOfHostPort(s.Prefix, s.Complete); ok {
			return []string{h}
		}
	case URL:
		if h, ok := hostOfURL(s.Prefix, s.Complete); ok {
			return []string{h}
		}
	case GRPCTarget:
		return hostsOfTarget(s.Prefix, s.Complete)
	}
	return nil
}

// hostOfHostPort extracts the host of "host:port" (or of a bare host when
// the string is complete). The host is known when the known text holds all
// of it: "[v6]", or text ended by ':', '/', '?' or '#'. An unbracketed
// string with two or more colons is read only as a whole IPv6 literal (or
// one followed by a port) and only when complete: "fe80::1" + port could go
// on as "fe80::1:2:3".
func hostOfHostPort(s string, complete bool) (string, bool) {
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return "", false
		}
		return s[1:end], true
	}
	// The host (and port) end at the first '/', '?' or '#'.
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s, complete = s[:i], true
	}
	i := strings.IndexByte(s, ':')
	if i < 0 {
		if complete {
			return s, true
		}
		return "", false
	}
	if strings.IndexByte(s[i+1:], ':') < 0 {
		return s[:i], true // host:port
	}
	// Two or more colons without brackets: an IPv6 literal or garbage.
	if !complete {
		return "", false
	}
	if _, err := netip.ParseAddr(s); err == nil {
		return s, true // "::1", "fe80::1%eth0"
	}
	if j := strings.LastIndexByte(s, ':'); j > 0 {
		if addr, err := netip.ParseAddr(s[:j]); err == nil && addr.Is6() {
			return s[:j], true // "2001:db8::1:99999": read the tail as a port
		}
	}
	return "", false
}

// hostOfURL extracts the host of an absolute ("scheme://host/...") or
// scheme-relative ("//host/...") URL.
func hostOfURL(s string, complete bool) (string, bool) {
	var rest string
	if i := strings.Index(s, "://"); i > 0 && isScheme(s[:i]) {
		rest = s[i+3:]
	} else if strings.HasPrefix(s, "//") {
		rest = s[2:]
	} else {
		return "", false
	}
	// The authority ends at the first '/', '?' or '#'.
	authority, ended := rest, false
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		authority, ended = rest[:i], true
	}
	if i := strings.LastIndexByte(authority, '@'); i >= 0 {
		authority = authority[i+1:]
	} else if !ended && !complete && strings.IndexByte(authority, ':') >= 0 {
		// "http://10.0.0.5:" + port: the host is ended by the port's colon.
		// (Userinfo could still follow in the unknown part, but a URL built
		// as host + ":" + port is by far the common shape.)
	}
	return hostOfHostPort(authority, ended || complete)
}

// isScheme reports whether s is a URL scheme (RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )).
func isScheme(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

// grpcSchemes are the resolvers grpc-go registers by default (and xds);
// any other "x:y" target is read by grpc-go as a plain host:port.
var grpcSchemes = map[string]bool{
	"dns": true, "passthrough": true, "ipv4": true, "ipv6": true,
	"unix": true, "unix-abstract": true, "xds": true, "google-c2p": true, "vsock": true,
}

// hostsOfTarget extracts the hosts of a gRPC target
// (https://github.com/grpc/grpc/blob/master/doc/naming.md).
func hostsOfTarget(s string, complete bool) []string {
	scheme, rest, ok := strings.Cut(s, ":")
	if !ok || !grpcSchemes[strings.ToLower(scheme)] {
		if h, ok := hostOfHostPort(s, complete); ok {
			return []string{h}
		}
		return nil
	}
	scheme = strings.ToLower(scheme)
	switch scheme {
	case "unix", "unix-abstract", "vsock":
		return nil
	case "ipv4", "ipv6":
		// ipv4:addr[:port][,addr[:port],...]; ipv6:[addr]:port,... or ipv6:addr
		var hosts []string
		items := strings.Split(rest, ",")
		for i, item := range items {
			known := i < len(items)-1 || complete // the item is all known
			if item == "" {
				continue
			}
			if scheme == "ipv6" && !known && !strings.HasPrefix(item, "[") {
				break // "ipv6:fe80:" + x: an unbracketed IPv6 literal is known only whole
			}
			h, ok := hostOfHostPort(item, known)
			if i := strings.IndexByte(item, ':'); !ok && !known && scheme == "ipv4" && i >= 0 {
				// An IPv4 literal holds no ':', so a second colon does not
				// start an IPv6 literal: "ipv4:10.0.0.1::" + x still has
				// the host 10.0.0.1 (and is rejected once complete).
				h, ok = hostOfHostPort(item[:i+1], false)
			}
			if !ok {
				if known {
					return nil // a malformed address: the target is rejected
				}
				break // the last item's host is not known yet
			}
			hosts = append(hosts, h)
		}
		return hosts
	}
	// dns:[//authority/]host[:port], passthrough:///addr, xds:///name
	if strings.HasPrefix(rest, "//") {
		i := strings.IndexByte(rest[2:], '/')
		if i < 0 {
			return nil // the authority is not even known to end
		}
		rest = rest[2+i+1:]
	} else {
		// "dns:/host:port": grpc-go takes the URL path without its leading '/'.
		rest = strings.TrimPrefix(rest, "/")
	}
	if h, ok := hostOfHostPort(rest, complete); ok {
		return []string{h}
	}
	return nil
}

// HostClass classifies a host name or IP literal.
type HostClass int

const (
	NotIP       HostClass = iota // a host name (or garbage): not an IP literal
	Loopback                     // 127.0.0.0/8, ::1, localhost
	Unspecified                  // 0.0.0.0, :: and the empty host
	LinkLocal                    // 169.254.0.0/16, fe80::/10
	Routable                     // any other IP literal
)

// Classify classifies host and returns its address when it is an IP
// literal (zones and IPv4-mapped IPv6 are handled).
func Classify(host string) (netip.Addr, HostClass) {
	if host == "" {
		return netip.Addr{}, Unspecified
	}
	lower := strings.TrimSuffix(strings.ToLower(host), ".")
	if lower == "localhost" || strings.HasSuffix(lower, ".localhost") {
		return netip.Addr{}, Loopback
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}, NotIP
	}
	addr = addr.Unmap()
	switch {
	case addr.IsLoopback():
		return addr, Loopback
	case addr.IsUnspecified():
		return addr, Unspecified
	case addr.IsLinkLocalUnicast(), addr.IsLinkLocalMulticast():
		return addr, LinkLocal
	}
	return addr, Routable
}

// CIDRs is a comma-separated list of CIDR ranges, usable as a flag.Value.
// A bare IP is accepted as a single-address range.
type CIDRs []netip.Prefix

func (c *CIDRs) String() string {
	if c == nil {
		return ""
	}
	parts := make([]string, len(*c))
	for i, p := range *c {
		parts[i] = p.String()
	}
	return strings.Join(parts, ",")
}

// Set parses value, replacing the current list. On error it leaves the list
// unchanged and says which item is wrong.
func (c *CIDRs) Set(value string) error {
	var list CIDRs
	for _, item := range strings.Split(value, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		pfx, err := ParseCIDR(item)
		if err != nil {
			return err
		}
		list = append(list, pfx)
	}
	*c = list
	return nil
}

// ParseCIDR parses one range: "10.0.0.0/8", "fd00::/8" or a bare IP.
func ParseCIDR(s string) (netip.Prefix, error) {
	if strings.Contains(s, "/") {
		pfx, err := netip.ParsePrefix(s)
		if err != nil {
			return netip.Prefix{}, fmt.Errorf("%q is not a CIDR range (want e.g. 10.0.0.0/8 or fd00::/8)", s)
		}
		if pfx.Addr().Is4In6() && pfx.Bits() >= 96 {
			// "::ffff:10.0.0.0/104" is 10.0.0.0/8: Contains unmaps the
			// addresses it is asked about, so the range is unmapped too.
			pfx = netip.PrefixFrom(pfx.Addr().Unmap(), pfx.Bits()-96)
		}
		return pfx.Masked(), nil
	}
	addr, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("%q is not a CIDR range or IP address (want e.g. 10.0.0.0/8)", s)
	}
	addr = addr.Unmap()
	return netip.PrefixFrom(addr, addr.BitLen()), nil
}

// Contains reports whether addr lies in one of the ranges. IPv4-mapped
// addresses match IPv4 ranges, and a zone is ignored (netip.Prefix.Contains
// never matches a zoned address).
func (c CIDRs) Contains(addr netip.Addr) bool {
	addr = addr.Unmap().WithZone("")
	for _, p := range c {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}
