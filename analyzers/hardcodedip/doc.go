// Package hardcodedip defines an Analyzer that reports outbound dial
// targets whose host is an IP literal known at compile time.
//
// # Analyzer hardcodedip
//
// hardcodedip: report outbound connections to hard-coded IP addresses
//
// Inside an Istio mesh the sidecar routes by Kubernetes Service: retries,
// timeouts, traffic splits, outlier detection, connection-pool settings and
// mTLS/authorization policy are all keyed by the destination's service host
// name. A request to a raw Pod IP or another IP literal matches no service
// route; Envoy sends it through the passthrough/original-destination path,
// so none of that policy applies and the peer is not load-balanced. Pod IPs
// also change on every reschedule.
//
// Flagged (the address, URL or Host value, when its host is a known IP):
//
//	net.Dial("tcp", "10.0.0.5:6379")
//	http.Get("http://10.0.0.5:8080/users/" + id)
//	http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("http://10.0.0.5:%d/x", port), nil)
//	grpc.NewClient("dns:///10.0.0.5:50051", opts...)
//	url.URL{Scheme: "http", Host: "10.0.0.5:8080"}
//	net.DialTCP("tcp", nil, &net.TCPAddr{IP: net.ParseIP("10.0.0.5"), Port: 80})
//	client.R().Get("http://10.0.0.5/users")              // resty v2 and v3
//	client.SetBaseURL("http://10.0.0.5:8080")
//	fasthttp.Get(dst, "http://10.0.0.5/users")
//	&fasthttp.HostClient{Addr: "10.0.0.5:8080"}
//	retryablehttp.NewRequest("GET", "http://10.0.0.5/users", nil)
//
// Sinks: net.Dial, net.DialTimeout, (*net.Dialer).Dial/DialContext,
// tls.Dial, tls.DialWithDialer, (*tls.Dialer).Dial/DialContext,
// net.DialTCP; http.Get/Head/Post/PostForm and the same methods of
// *http.Client, http.NewRequest, http.NewRequestWithContext; url.URL{Host:};
// grpc.Dial, grpc.DialContext, grpc.NewClient (targets with the dns:///,
// ipv4:, ipv6: and passthrough:/// schemes included). Client libraries:
// resty (github.com/go-resty/resty/v2, resty.dev/v3) request methods
// (Get, Head, Post, Put, Patch, Delete, Options, Trace, Execute, SetURL)
// and the client's SetBaseURL/SetHostURL; fasthttp's Get, Post, GetTimeout,
// GetDeadline (package-level and on Client and HostClient),
// (*fasthttp.Request).SetRequestURI and the HostClient Addr field (a
// comma-separated host:port list); go-retryablehttp's NewRequest,
// NewRequestWithContext, Get, Head, Post, PostForm (package-level and on
// its Client). A request path without a host (c.R().Get("/users") under a
// base URL, req.SetRequestURI("/users")) names no host.
//
// A value counts when it is known at compile time: a constant, a local
// assigned once, a package variable never reassigned, fmt.Sprintf,
// net.JoinHostPort or + concatenation of known parts. The host alone is
// enough: "10.0.0.5:" + port is flagged. Values from the environment,
// flags, configuration or function results are never flagged.
//
// Not flagged: loopback (127.0.0.0/8, ::1, localhost), unspecified
// addresses (0.0.0.0, ::), link-local addresses (169.254.0.0/16, the
// cloud metadata service, and fe80::/10), host names, and listen
// addresses (see loopbacklisten).
//
// UDP is not flagged either: the sidecar's iptables rules capture
// outbound TCP only, so a UDP datagram to an IP goes straight out and no
// mesh routing is lost; and net.Dial("udp", "8.8.8.8:80") followed by
// conn.LocalAddr() is the usual way for a pod to learn its own IP (dialing
// UDP sends no packet). A dial whose network argument is known and starts
// with "udp" (udp, udp4, udp6: net.Dial, net.DialTimeout,
// (*net.Dialer).Dial/DialContext) is skipped, and so is every
// net.DialUDP: SPEC lists net.DialTCP/DialUDP as sinks, but DialUDP only
// ever dials UDP, so the UDP exemption wins. A network argument that is not
// known (net.Dial(network, "10.0.0.5:6379")) is judged as TCP.
//
// Fix: call the service by its name (name.namespace.svc.cluster.local, or
// the short name within the namespace) or read the address from
// configuration. For an address that really is outside the mesh, add its
// range to -hardcodedip.allow=CIDR[,CIDR] (for example an on-premises
// database network) or suppress the line:
//
//	//meshlint:ignore hardcodedip legacy billing host, not in the mesh
//
// Sources: Istio "Accessing External Services" (unknown destinations go to
// the PassthroughCluster); istio/istio#506.
package hardcodedip
