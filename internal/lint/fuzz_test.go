package lint

import (
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Seeds besides these live in testdata/fuzz/FuzzXxx.

var allKinds = []AddrKind{HostPort, URL, GRPCTarget, Host}

// FuzzHosts checks that Hosts never panics and that what it says is sound:
//
//   - every host is a substring of the known text;
//   - a host read from a known prefix stays the host whatever text follows
//     (the complete string then yields the same leading hosts, or nothing
//     at all when it turns out malformed) — except that userinfo may follow
//     in a URL, as documented;
//   - a valid IP literal joined with a port as host:port, URL, or gRPC
//     target comes back as exactly that IP.
func FuzzHosts(f *testing.F) {
	for _, s := range []string{
		"10.0.0.5:8080", "[::1]:80", "http://user:pass@10.0.0.5:8080/x", "dns:///10.0.0.5:50051",
		"dns://8.8.8.8/users:50051", "ipv4:1.2.3.4:5,6.7.8.9:10", "ipv6:[::1]:5,[::2]:6", "ipv6:::1",
		"unix:///tmp/sock", "passthrough:///10.0.0.1:5", "localhost:50051", "[fe80::1%eth0]:80", ":8080",
	} {
		for _, k := range allKinds {
			f.Add(uint8(k), s, true)
			f.Add(uint8(k), s, false)
		}
	}
	f.Fuzz(func(t *testing.T, kind uint8, s string, complete bool) {
		k := AddrKind(kind % 5) // 4 is not a kind: nothing, no panic
		str := Str{Prefix: s, Complete: complete}
		got := Hosts(k, str)
		for _, h := range got {
			if !strings.Contains(s, h) {
				t.Fatalf("Hosts(%d, %+v) = %q: %q is not in the text", k, str, got, h)
			}
			Classify(h)
		}
		if k == 4 && got != nil {
			t.Fatalf("Hosts(4, %+v) = %q, want nil", str, got)
		}

		// Prefix soundness.
		if len(s) <= 200 {
			full := Hosts(k, str)
			for i := 0; i < len(s); i++ {
				pre := Hosts(k, Str{Prefix: s[:i]})
				if pre == nil || full == nil {
					continue
				}
				if k == URL && strings.Contains(s[i:], "@") {
					continue // userinfo may follow: documented
				}
				if benignV6Start(pre, full) {
					// ":" + port has the empty host (SPEC), "fe80:" + x
					// the host "fe80"; completed as "::1" or "fe80::1"
					// (an unbracketed IPv6 literal) the host is the
					// literal. Neither partial reading is an IP, so no
					// rule is misled.
					continue
				}
				if len(full) < len(pre) || !slices.Equal(full[:len(pre)], pre) {
					t.Fatalf("Hosts(%d, partial %q) = %q but Hosts(%d, %+v) = %q", k, s[:i], pre, k, str, full)
				}
			}
		}

		// Round trip of a valid IP literal.
		addr, err := netip.ParseAddr(s)
		if err != nil || strings.ContainsAny(addr.Zone(), "[]/?#@%:, ") {
			return
		}
		hp := net.JoinHostPort(s, "8080")
		cases := []struct {
			k AddrKind
			s string
		}{
			{HostPort, hp},
			{Host, hp},
			{URL, "http://" + hp + "/x"},
			{URL, "https://user:pw@" + hp},
			{GRPCTarget, hp},
			{GRPCTarget, "dns:///" + hp},
			{GRPCTarget, "dns://8.8.8.8:53/" + hp},
			{GRPCTarget, "passthrough:///" + hp},
		}
		if addr.Is4() {
			cases = append(cases, struct {
				k AddrKind
				s string
			}{GRPCTarget, "ipv4:" + hp + "," + hp})
		} else {
			cases = append(cases, struct {
				k AddrKind
				s string
			}{GRPCTarget, "ipv6:" + hp})
		}
		for _, c := range cases {
			want := []string{s}
			if strings.HasPrefix(c.s, "ipv4:") {
				want = []string{s, s}
			}
			if got := Hosts(c.k, known(c.s)); !slices.Equal(got, want) {
				t.Fatalf("Hosts(%d, %q) = %q, want %q", c.k, c.s, got, want)
			}
			// The host followed by ':' is enough.
			if i := strings.LastIndex(c.s, hp); i >= 0 && !strings.HasPrefix(c.s, "ipv4:") {
				pre := c.s[:i+len(hp)-len("8080")]
				if got := Hosts(c.k, partial(pre)); !slices.Equal(got, want) {
					t.Fatalf("Hosts(%d, partial %q) = %q, want %q", c.k, pre, got, want)
				}
			}
		}
		// An unbracketed complete IP is itself.
		if got := Hosts(HostPort, known(s)); !slices.Equal(got, []string{s}) {
			t.Fatalf("Hosts(HostPort, %q) = %q, want itself", s, got)
		}
	})
}

// FuzzParseCIDR checks that ParseCIDR never panics and that what it
// accepts is a valid, masked range whose String form parses back to itself.
func FuzzParseCIDR(f *testing.F) {
	for _, s := range []string{"10.0.0.0/8", "10.1.2.3/8", "fd00::/8", "10.0.0.5", "::ffff:10.0.0.0/104", "banana", "10.0.0.0/99", "fe80::1%eth0", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseCIDR(s)
		if err != nil {
			if p.IsValid() {
				t.Fatalf("ParseCIDR(%q) failed with a valid prefix %v", s, p)
			}
			if !strings.Contains(err.Error(), "is not a CIDR range") {
				t.Fatalf("ParseCIDR(%q) error %q does not say what is wrong", s, err)
			}
			return
		}
		if !p.IsValid() || p != p.Masked() {
			t.Fatalf("ParseCIDR(%q) = %v: invalid or not masked", s, p)
		}
		if p.Addr().Is4In6() && p.Bits() >= 96 {
			t.Fatalf("ParseCIDR(%q) = %v: IPv4-mapped range not unmapped", s, p)
		}
		again, err := ParseCIDR(p.String())
		if err != nil || again != p {
			t.Fatalf("ParseCIDR(%q) = %v, but ParseCIDR(%q) = %v, %v", s, p, p.String(), again, err)
		}
		if !(CIDRs{p}).Contains(p.Addr()) {
			t.Fatalf("range %v does not contain its own address", p)
		}
		var c CIDRs
		if err := c.Set(p.String() + ", " + p.String()); err != nil || len(c) != 2 || c[0] != p {
			t.Fatalf("Set(%q twice) = %v, %v", p.String(), c, err)
		}
	})
}

// FuzzParseDirective checks that parseDirective never panics, that names
// are clean, and that a directive written back from what was parsed parses
// to the same thing.
func FuzzParseDirective(f *testing.F) {
	for _, s := range []string{
		"//meshlint:ignore a,b reason", "// meshlint:ignore a reason", "//meshlint:ignore a",
		"//meshlint:ignore a // reason", "//meshlint:ignoreX", "//meshlint:ignore a, b reason", "/* meshlint:ignore a */",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		names, reason, ok := parseDirective(text)
		if !ok {
			if names != nil || reason != "" {
				t.Fatalf("parseDirective(%q) not ok but returned %q, %q", text, names, reason)
			}
			return
		}
		for _, n := range names {
			if n == "" || strings.ContainsAny(n, ", \t\n") || strings.Contains(n, "//") || strings.TrimSpace(n) != n {
				t.Fatalf("parseDirective(%q): bad name %q in %q", text, n, names)
			}
		}
		if strings.TrimSpace(reason) != reason {
			t.Fatalf("parseDirective(%q): reason %q not trimmed", text, reason)
		}
		again := "//meshlint:ignore " + strings.Join(names, ",") + " // " + reason
		names2, reason2, ok2 := parseDirective(again)
		if !ok2 || !slices.Equal(names, names2) || reason != reason2 {
			t.Fatalf("parseDirective(%q) = %q, %q; written back as %q it parses to %q, %q, %v", text, names, reason, again, names2, reason2, ok2)
		}
	})
}

// benignV6Start reports whether every host of pre that full does not
// confirm is harmless: it could be the start of an unbracketed IPv6
// literal, or it is no IP literal and full just stops before it (the text
// after it, "X::", is malformed).
func benignV6Start(pre, full []string) bool {
	for i, h := range pre {
		if i < len(full) && full[i] == h {
			continue
		}
		if maybeV6Start(h) {
			continue
		}
		if addr, _ := Classify(h); i >= len(full) && !addr.IsValid() {
			continue
		}
		return false
	}
	return true
}

// maybeV6Start reports whether h, read as a host from partial text, could
// be the start of an unbracketed IPv6 literal: at most 4 hex digits.
func maybeV6Start(h string) bool {
	if len(h) > 4 {
		return false
	}
	for i := 0; i < len(h); i++ {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(h[i])) {
			return false
		}
	}
	return true
}

// FuzzSprintf checks the evaluation of fmt.Sprintf against fmt itself: for
// a constant format with a constant string and int argument, a complete
// result must be exactly what fmt prints, and a partial one a prefix of it.
func FuzzSprintf(f *testing.F) {
	for _, s := range []string{"%s:%d", "http://%s:%d/x", "%q %x %X", "%5d|%-4s|%05d", "100%% %s", "%[1]s:%d", "%*d", "%s", "%T", "%v %v %v", "%é", "%!", "%"} {
		f.Add(s, "10.0.0.5", int64(8080))
	}
	f.Fuzz(func(t *testing.T, format, s string, n int64) {
		src := "package p\n\nimport \"fmt\"\n\nvar x = /*x*/ fmt.Sprintf(" + strconv.Quote(format) + ", " + strconv.Quote(s) + ", " + strconv.FormatInt(n, 10) + ")\n"
		tp := newTestPackage(t, src)
		got := tp.StringOf(tp.expr(t, "x"))
		want := fmt.Sprintf(format, s, int(n))
		if got.Complete && got.Prefix != want {
			t.Fatalf("Sprintf(%q, %q, %d): StringOf = %q, fmt prints %q", format, s, n, got.Prefix, want)
		}
		if !strings.HasPrefix(want, got.Prefix) {
			t.Fatalf("Sprintf(%q, %q, %d): StringOf prefix %q, fmt prints %q", format, s, n, got.Prefix, want)
		}
	})
}
