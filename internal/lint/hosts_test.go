package lint

import (
	"net/netip"
	"slices"
	"strings"
	"testing"
)

func known(s string) Str   { return Str{Prefix: s, Complete: true} }
func partial(s string) Str { return Str{Prefix: s} }

func TestHosts(t *testing.T) {
	tests := []struct {
		name string
		kind AddrKind
		s    Str
		want []string // nil: no host known
	}{
		// HostPort: complete
		{"hostport ipv4", HostPort, known("10.0.0.5:8080"), []string{"10.0.0.5"}},
		{"hostport name", HostPort, known("db.internal:5432"), []string{"db.internal"}},
		{"hostport localhost", HostPort, known("localhost:8080"), []string{"localhost"}},
		{"hostport empty host", HostPort, known(":8080"), []string{""}},
		{"hostport bare ip", HostPort, known("10.0.0.5"), []string{"10.0.0.5"}},
		{"hostport bare name", HostPort, known("db"), []string{"db"}},
		{"hostport empty", HostPort, known(""), []string{""}},
		{"hostport bracketed v6", HostPort, known("[::1]:8080"), []string{"::1"}},
		{"hostport bracketed v6 no port", HostPort, known("[2001:db8::1]"), []string{"2001:db8::1"}},
		{"hostport bracketed zone", HostPort, known("[fe80::1%eth0]:80"), []string{"fe80::1%eth0"}},
		{"hostport bracket unclosed", HostPort, known("[::1"), nil},
		{"hostport unbracketed v6", HostPort, known("::1"), []string{"::1"}},
		{"hostport unbracketed v6 zone", HostPort, known("fe80::1%eth0"), []string{"fe80::1%eth0"}},
		{"hostport unbracketed v6 long tail", HostPort, known("2001:db8::1:99999"), []string{"2001:db8::1"}},
		{"hostport unbracketed unspecified", HostPort, known("::"), []string{"::"}},
		{"hostport too many colons", HostPort, known("a:b:c"), nil},
		{"hostport v4 mapped", HostPort, known("::ffff:10.0.0.5"), []string{"::ffff:10.0.0.5"}},
		{"hostport path ends host", HostPort, known("10.0.0.5/x"), []string{"10.0.0.5"}},
		// HostPort: partial
		{"partial ip colon", HostPort, partial("10.0.0.5:"), []string{"10.0.0.5"}},
		{"partial ip colon port digit", HostPort, partial("10.0.0.5:80"), []string{"10.0.0.5"}},
		{"partial ip no colon", HostPort, partial("10.0.0.5"), nil},
		{"partial ip half", HostPort, partial("10.0."), nil},
		{"partial empty host", HostPort, partial(":"), []string{""}},
		{"partial nothing", HostPort, partial(""), nil},
		{"partial bracket open", HostPort, partial("[::1"), nil},
		{"partial bracket closed", HostPort, partial("[::1]:"), []string{"::1"}},
		{"partial bracket closed no colon", HostPort, partial("[::1]"), []string{"::1"}},
		{"partial unbracketed v6", HostPort, partial("::1"), nil},
		{"partial unbracketed v6 colon", HostPort, partial("fe80::1:"), nil},
		{"partial slash", HostPort, partial("10.0.0.5/"), []string{"10.0.0.5"}},
		{"partial question", HostPort, partial("10.0.0.5?"), []string{"10.0.0.5"}},
		{"partial hash", HostPort, partial("10.0.0.5#"), []string{"10.0.0.5"}},

		// Host (url.URL.Host)
		{"host ip", Host, known("10.0.0.5"), []string{"10.0.0.5"}},
		{"host ip port", Host, known("10.0.0.5:80"), []string{"10.0.0.5"}},
		{"host v6", Host, known("[::1]:80"), []string{"::1"}},
		{"host partial", Host, partial("10.0.0.5"), nil},
		{"host partial colon", Host, partial("10.0.0.5:"), []string{"10.0.0.5"}},

		// URL: complete
		{"url http", URL, known("http://10.0.0.5:8080/users"), []string{"10.0.0.5"}},
		{"url https no port", URL, known("https://10.0.0.5/"), []string{"10.0.0.5"}},
		{"url no path", URL, known("http://10.0.0.5"), []string{"10.0.0.5"}},
		{"url query", URL, known("http://10.0.0.5?q=1"), []string{"10.0.0.5"}},
		{"url fragment", URL, known("http://10.0.0.5#top"), []string{"10.0.0.5"}},
		{"url name", URL, known("http://users.default.svc.cluster.local/x"), []string{"users.default.svc.cluster.local"}},
		{"url upper scheme", URL, known("HTTP://10.0.0.5/"), []string{"10.0.0.5"}},
		{"url scheme plus", URL, known("git+ssh://10.0.0.5/repo"), []string{"10.0.0.5"}},
		{"url userinfo", URL, known("http://user:pass@10.0.0.5:8080/"), []string{"10.0.0.5"}},
		{"url userinfo at in password", URL, known("http://user:p@ss@10.0.0.5/"), []string{"10.0.0.5"}},
		{"url userinfo no host", URL, known("http://user@/"), []string{""}},
		{"url v6", URL, known("http://[::1]:8080/"), []string{"::1"}},
		{"url v6 no port", URL, known("http://[2001:db8::1]/"), []string{"2001:db8::1"}},
		{"url v6 zone", URL, known("http://[fe80::1%25eth0]:8080/"), []string{"fe80::1%25eth0"}},
		{"url scheme relative", URL, known("//10.0.0.5/x"), []string{"10.0.0.5"}},
		{"url no scheme", URL, known("10.0.0.5:8080/x"), nil},
		{"url path only", URL, known("/users/1"), nil},
		{"url bad scheme", URL, known("1http://10.0.0.5/"), nil},
		{"url empty scheme", URL, known("://10.0.0.5/"), nil},
		{"url empty", URL, known(""), nil},
		{"url empty host", URL, known("http://:8080/"), []string{""}},
		// URL: partial
		{"url partial host colon", URL, partial("http://10.0.0.5:"), []string{"10.0.0.5"}},
		{"url partial host port path", URL, partial("http://10.0.0.5:8080/users/"), []string{"10.0.0.5"}},
		{"url partial host only", URL, partial("http://10.0.0.5"), nil},
		{"url partial host slash", URL, partial("http://10.0.0.5/"), []string{"10.0.0.5"}},
		{"url partial scheme only", URL, partial("http://"), nil},
		{"url partial scheme", URL, partial("http:"), nil},
		{"url partial userinfo", URL, partial("http://user:pass@"), nil},
		{"url partial userinfo host", URL, partial("http://user:pass@10.0.0.5:"), []string{"10.0.0.5"}},
		{"url partial v6 open", URL, partial("http://[::1"), nil},
		{"url partial v6", URL, partial("http://[::1]"), []string{"::1"}},
		{"url partial name colon", URL, partial("http://localhost:"), []string{"localhost"}},

		// gRPC targets
		{"grpc plain", GRPCTarget, known("10.0.0.5:50051"), []string{"10.0.0.5"}},
		{"grpc localhost default scheme", GRPCTarget, known("localhost:50051"), []string{"localhost"}},
		{"grpc name", GRPCTarget, known("users.default.svc.cluster.local:50051"), []string{"users.default.svc.cluster.local"}},
		{"grpc plain v6", GRPCTarget, known("[::1]:50051"), []string{"::1"}},
		{"grpc plain no port", GRPCTarget, known("10.0.0.5"), []string{"10.0.0.5"}},
		{"grpc unknown scheme", GRPCTarget, known("foo:bar"), []string{"foo"}},
		{"grpc dns", GRPCTarget, known("dns:///10.0.0.5:50051"), []string{"10.0.0.5"}},
		{"grpc dns upper", GRPCTarget, known("DNS:///10.0.0.5:50051"), []string{"10.0.0.5"}},
		{"grpc dns name", GRPCTarget, known("dns:///users:50051"), []string{"users"}},
		{"grpc dns authority", GRPCTarget, known("dns://8.8.8.8/users.svc:50051"), []string{"users.svc"}},
		{"grpc dns authority ip target", GRPCTarget, known("dns://8.8.8.8:53/10.0.0.5:50051"), []string{"10.0.0.5"}},
		{"grpc dns opaque", GRPCTarget, known("dns:10.0.0.5:50051"), []string{"10.0.0.5"}},
		{"grpc dns one slash", GRPCTarget, known("dns:/10.0.0.5:50051"), []string{"10.0.0.5"}},
		{"grpc dns v6", GRPCTarget, known("dns:///[::1]:50051"), []string{"::1"}},
		{"grpc dns query", GRPCTarget, known("dns:///users?x=1"), []string{"users"}},
		{"grpc passthrough", GRPCTarget, known("passthrough:///10.0.0.1:5"), []string{"10.0.0.1"}},
		{"grpc ipv4", GRPCTarget, known("ipv4:1.2.3.4:5"), []string{"1.2.3.4"}},
		{"grpc ipv4 list", GRPCTarget, known("ipv4:10.0.0.1:5,10.0.0.2:6"), []string{"10.0.0.1", "10.0.0.2"}},
		{"grpc ipv4 no port", GRPCTarget, known("ipv4:10.0.0.1"), []string{"10.0.0.1"}},
		{"grpc ipv4 empty items", GRPCTarget, known("ipv4:,10.0.0.1:5,"), []string{"10.0.0.1"}},
		{"grpc ipv6 bracketed", GRPCTarget, known("ipv6:[::1]:5"), []string{"::1"}},
		{"grpc ipv6 bare", GRPCTarget, known("ipv6:::1"), []string{"::1"}},
		{"grpc ipv6 list", GRPCTarget, known("ipv6:[2001:db8::1]:5,[2001:db8::2]:6"), []string{"2001:db8::1", "2001:db8::2"}},
		{"grpc ipv6 bare list", GRPCTarget, known("ipv6:2001:db8::1,2001:db8::2"), []string{"2001:db8::1", "2001:db8::2"}},
		{"grpc unix", GRPCTarget, known("unix:///tmp/grpc.sock"), nil},
		{"grpc unix relative", GRPCTarget, known("unix:grpc.sock"), nil},
		{"grpc unix abstract", GRPCTarget, known("unix-abstract:my-socket"), nil},
		{"grpc vsock", GRPCTarget, known("vsock:2:50051"), nil},
		{"grpc xds", GRPCTarget, known("xds:///users"), []string{"users"}},
		{"grpc xds authority", GRPCTarget, known("xds://trafficdirector.googleapis.com/users"), []string{"users"}},
		// gRPC: partial
		{"grpc partial plain", GRPCTarget, partial("10.0.0.5:"), []string{"10.0.0.5"}},
		{"grpc partial plain no colon", GRPCTarget, partial("10.0.0.5"), nil},
		{"grpc partial dns", GRPCTarget, partial("dns:///10.0.0.5:"), []string{"10.0.0.5"}},
		{"grpc partial dns host only", GRPCTarget, partial("dns:///10.0.0.5"), nil},
		{"grpc partial dns authority open", GRPCTarget, partial("dns://8.8.8.8"), nil},
		{"grpc partial dns authority", GRPCTarget, partial("dns://8.8.8.8/"), nil},
		{"grpc partial dns empty", GRPCTarget, partial("dns:///"), nil},
		{"grpc partial ipv4 list", GRPCTarget, partial("ipv4:10.0.0.1:5,10.0.0.2"), []string{"10.0.0.1"}},
		{"grpc partial ipv4 list colon", GRPCTarget, partial("ipv4:10.0.0.1:5,10.0.0.2:"), []string{"10.0.0.1", "10.0.0.2"}},
		{"grpc partial ipv4 second colon", GRPCTarget, partial("ipv4:0,0.0.0.0::"), []string{"0", "0.0.0.0"}}, // fuzz: the host ends at the first colon
		{"grpc ipv4 second colon", GRPCTarget, known("ipv4:10.0.0.1::5"), nil},
		{"grpc partial ipv6 bare", GRPCTarget, partial("ipv6:::1"), nil},
		{"grpc partial ipv6 colon", GRPCTarget, partial("ipv6::"), nil},
		{"grpc partial ipv6 fe80", GRPCTarget, partial("ipv6:fe80::1:"), nil},
		{"grpc partial ipv6 list bracket", GRPCTarget, partial("ipv6:[::1]:5,[::2"), []string{"::1"}},
		{"grpc partial ipv6 list bracket closed", GRPCTarget, partial("ipv6:[::1]:5,[::2]:"), []string{"::1", "::2"}},
		{"grpc ipv4 garbage item", GRPCTarget, known("ipv4:1.2.3.4:5:6,7.7.7.7"), nil},
		{"grpc ipv4 unclosed bracket item", GRPCTarget, known("ipv4:[::1,7.7.7.7"), nil},
		{"grpc partial scheme", GRPCTarget, partial("dns"), nil},
		{"grpc partial unix", GRPCTarget, partial("unix:"), nil},

		// unknown kinds and values
		{"unknown kind", AddrKind(99), known("10.0.0.5:80"), nil},
		{"unknown value", HostPort, Str{}, nil},
		{"unknown url", URL, Str{}, nil},
		{"unknown target", GRPCTarget, Str{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Hosts(tt.kind, tt.s)
			if !slices.Equal(got, tt.want) || (got == nil) != (tt.want == nil) {
				t.Errorf("Hosts(%d, %+v) = %q, want %q", tt.kind, tt.s, got, tt.want)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		host string
		want HostClass
		addr string // "" when no address is returned
	}{
		{"", Unspecified, ""},
		{"localhost", Loopback, ""},
		{"LOCALHOST.", Loopback, ""},
		{"LocalHost", Loopback, ""},
		{"foo.localhost", Loopback, ""},
		{"foo.localhost.", Loopback, ""},
		{"localhost.example.com", NotIP, ""},
		{"notlocalhost", NotIP, ""},
		{"127.0.0.1", Loopback, "127.0.0.1"},
		{"127.1.2.3", Loopback, "127.1.2.3"},
		{"127.255.255.254", Loopback, "127.255.255.254"},
		{"::1", Loopback, "::1"},
		{"::ffff:127.0.0.1", Loopback, "127.0.0.1"},
		{"0.0.0.0", Unspecified, "0.0.0.0"},
		{"::", Unspecified, "::"},
		{"::ffff:0.0.0.0", Unspecified, "0.0.0.0"},
		{"169.254.169.254", LinkLocal, "169.254.169.254"},
		{"169.254.0.1", LinkLocal, "169.254.0.1"},
		{"fe80::1", LinkLocal, "fe80::1"},
		{"fe80::1%eth0", LinkLocal, "fe80::1%eth0"},
		{"FE80::1", LinkLocal, "fe80::1"},
		{"febf::1", LinkLocal, "febf::1"},
		{"fec0::1", Routable, "fec0::1"},
		{"::ffff:169.254.1.1", LinkLocal, "169.254.1.1"},
		{"10.0.0.5", Routable, "10.0.0.5"},
		{"192.168.1.1", Routable, "192.168.1.1"},
		{"8.8.8.8", Routable, "8.8.8.8"},
		{"169.255.0.1", Routable, "169.255.0.1"},
		{"128.0.0.1", Routable, "128.0.0.1"},
		{"2001:db8::1", Routable, "2001:db8::1"},
		{"::ffff:10.0.0.5", Routable, "10.0.0.5"},
		{"fd00::1", Routable, "fd00::1"},
		{"users.default.svc.cluster.local", NotIP, ""},
		{"[::1]", NotIP, ""},
		{"127.1", NotIP, ""},
		{"10.0.0.5.", NotIP, ""},
		{"10.0.0.256", NotIP, ""},
		{" 10.0.0.5", NotIP, ""},
		{"010.0.0.5", NotIP, ""},
		{"127.0.0.1%eth0", NotIP, ""},
	}
	for _, tt := range tests {
		addr, got := Classify(tt.host)
		if got != tt.want {
			t.Errorf("Classify(%q) class = %d, want %d", tt.host, got, tt.want)
		}
		gotAddr := ""
		if addr.IsValid() {
			gotAddr = addr.String()
		}
		if gotAddr != tt.addr {
			t.Errorf("Classify(%q) addr = %q, want %q", tt.host, gotAddr, tt.addr)
		}
	}
}

func TestParseCIDR(t *testing.T) {
	tests := []struct {
		in      string
		want    string // "" means an error
		errPart string
	}{
		{"10.0.0.0/8", "10.0.0.0/8", ""},
		{"10.1.2.3/8", "10.0.0.0/8", ""}, // masked
		{"192.168.0.0/16", "192.168.0.0/16", ""},
		{"0.0.0.0/0", "0.0.0.0/0", ""},
		{"10.0.0.5", "10.0.0.5/32", ""},
		{"10.0.0.5/32", "10.0.0.5/32", ""},
		{"fd00::/8", "fd00::/8", ""},
		{"fd00::1234/8", "fd00::/8", ""},
		{"2001:db8::1", "2001:db8::1/128", ""},
		{"::ffff:10.0.0.5", "10.0.0.5/32", ""},
		{"::ffff:10.0.0.0/104", "10.0.0.0/8", ""},
		{"::ffff:10.0.0.0/128", "10.0.0.0/32", ""},
		{"fe80::1%eth0", "fe80::1/128", ""},
		{"10.0.0.0/99", "", `"10.0.0.0/99" is not a CIDR range`},
		{"10.0.0.0/33", "", "is not a CIDR range"},
		{"fd00::/129", "", "is not a CIDR range"},
		{"10.0.0.0/-1", "", "is not a CIDR range"},
		{"10.0.0.0/", "", "is not a CIDR range"},
		{"/8", "", "is not a CIDR range"},
		{"10.0.0.0/08", "", "is not a CIDR range"},
		{"banana", "", `"banana" is not a CIDR range or IP address`},
		{"", "", "is not a CIDR range or IP address"},
		{"10.0.0", "", "is not a CIDR range or IP address"},
		{" 10.0.0.0/8", "", "is not a CIDR range"},
		{"fe80::1%eth0/64", "", "is not a CIDR range"},
	}
	for _, tt := range tests {
		got, err := ParseCIDR(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParseCIDR(%q) = %v, want error", tt.in, got)
			} else if !strings.Contains(err.Error(), tt.errPart) {
				t.Errorf("ParseCIDR(%q) error %q, want it to contain %q", tt.in, err, tt.errPart)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseCIDR(%q) error: %v", tt.in, err)
			continue
		}
		if got.String() != tt.want {
			t.Errorf("ParseCIDR(%q) = %v, want %s", tt.in, got, tt.want)
		}
	}
}

func TestCIDRsSet(t *testing.T) {
	tests := []struct {
		in      string
		want    string // String() after Set
		wantErr string
	}{
		{"10.0.0.0/8", "10.0.0.0/8", ""},
		{"10.0.0.0/8,192.168.0.0/16", "10.0.0.0/8,192.168.0.0/16", ""},
		{" 10.0.0.0/8 , fd00::/8 ", "10.0.0.0/8,fd00::/8", ""},
		{"10.0.0.0/8,,", "10.0.0.0/8", ""},
		{",", "", ""},
		{"", "", ""},
		{"10.0.0.5", "10.0.0.5/32", ""},
		{"10.0.0.0/8,banana", "", `"banana"`},
		{"10.0.0.0/99", "", `"10.0.0.0/99"`},
		{"10.0.0.0/8;192.168.0.0/16", "", "is not a CIDR range"},
	}
	for _, tt := range tests {
		c := CIDRs{netip.MustParsePrefix("172.16.0.0/12")}
		err := c.Set(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Set(%q) error = %v, want one containing %q", tt.in, err, tt.wantErr)
			}
			if c.String() != "172.16.0.0/12" {
				t.Errorf("Set(%q) failed but changed the list to %q", tt.in, c.String())
			}
			continue
		}
		if err != nil {
			t.Errorf("Set(%q) error: %v", tt.in, err)
			continue
		}
		if c.String() != tt.want {
			t.Errorf("Set(%q) then String() = %q, want %q", tt.in, c.String(), tt.want)
		}
	}
	var nilList *CIDRs
	if s := nilList.String(); s != "" {
		t.Errorf("(*CIDRs)(nil).String() = %q, want empty", s)
	}
}

func TestCIDRsContains(t *testing.T) {
	var c CIDRs
	if err := c.Set("10.0.0.0/8,fd00::/8,192.168.1.7,::ffff:172.16.0.0/108"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		addr string
		want bool
	}{
		{"10.0.0.5", true},
		{"10.255.255.255", true},
		{"11.0.0.1", false},
		{"::ffff:10.0.0.5", true}, // IPv4-mapped address in an IPv4 range
		{"::ffff:11.0.0.5", false},
		{"fd00::1", true},
		{"fd12:3456::1", true},
		{"fe80::1", false},
		{"192.168.1.7", true},
		{"::ffff:192.168.1.7", true},
		{"192.168.1.8", false},
		{"172.16.0.1", true}, // IPv4-mapped range, IPv4 address
		{"::ffff:172.31.0.1", true},
		{"172.32.0.1", false},
		{"fd00::1%eth0", true},
	}
	for _, tt := range tests {
		if got := c.Contains(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("Contains(%s) = %v, want %v", tt.addr, got, tt.want)
		}
	}
	if (CIDRs{}).Contains(netip.MustParseAddr("10.0.0.1")) {
		t.Error("empty list contains 10.0.0.1")
	}
	if c.Contains(netip.Addr{}) {
		t.Error("list contains the zero Addr")
	}
}

func BenchmarkHosts(b *testing.B) {
	inputs := []struct {
		kind AddrKind
		s    Str
	}{
		{HostPort, known("10.0.0.5:8080")},
		{HostPort, partial("10.0.0.5:")},
		{HostPort, known("[fe80::1%eth0]:8080")},
		{URL, known("http://user:pass@10.0.0.5:8080/users/1?x=y")},
		{URL, partial("http://10.0.0.5:8080/users/")},
		{GRPCTarget, known("dns:///users.default.svc.cluster.local:50051")},
		{GRPCTarget, known("ipv4:10.0.0.1:5,10.0.0.2:6")},
		{GRPCTarget, known("localhost:50051")},
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			for _, h := range Hosts(in.kind, in.s) {
				Classify(h)
			}
		}
	}
}
