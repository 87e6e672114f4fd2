package basic

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

const redisAddr = "10.0.0.5:6379"

var billingURL = "http://10.1.2.3:8080/charge" // never reassigned

var reassigned = "http://10.9.9.9/"

func init() { reassigned = os.Getenv("X") }

func dials(ctx context.Context, port int, id string) {
	net.Dial("tcp", "10.0.0.5:6379")                       // want `hard-coded IP 10.0.0.5 in net.Dial: the sidecar applies no service routing`
	net.Dial("tcp", redisAddr)                             // want `hard-coded IP 10.0.0.5 in net.Dial`
	net.DialTimeout("tcp", "192.168.1.10:80", time.Second) // want `hard-coded IP 192.168.1.10 in net.DialTimeout`
	var d net.Dialer
	d.Dial("tcp", "172.16.0.1:80")                    // want `hard-coded IP 172.16.0.1 in \(\*net.Dialer\).Dial`
	d.DialContext(ctx, "tcp", "[2001:db8::1]:443")    // want `hard-coded IP 2001:db8::1 in \(\*net.Dialer\).DialContext`
	tls.Dial("tcp", "8.8.8.8:853", nil)               // want `hard-coded IP 8.8.8.8 in tls.Dial`
	tls.DialWithDialer(&d, "tcp", "8.8.4.4:853", nil) // want `hard-coded IP 8.8.4.4 in tls.DialWithDialer`
	td := &tls.Dialer{}
	td.DialContext(ctx, "tcp", "1.1.1.1:443") // want `hard-coded IP 1.1.1.1 in \(\*tls.Dialer\).DialContext`

	// Partly known: the host alone is enough.
	net.Dial("tcp", "10.0.0.5:"+strconv.Itoa(port))                   // want `10.0.0.5`
	net.Dial("tcp", net.JoinHostPort("10.0.0.6", strconv.Itoa(port))) // want `10.0.0.6`
	http.Get(fmt.Sprintf("http://10.0.0.7:%d/users/%s", port, id))    // want `hard-coded IP 10.0.0.7 in http.Get`
	http.Get("http://10.0.0.8:8080/users/" + id)                      // want `10.0.0.8`
	addr := fmt.Sprintf("%s:%d", "10.0.0.9", port)
	net.Dial("tcp", addr) // want `10.0.0.9`

	// HTTP.
	http.Post(billingURL, "application/json", nil) // want `hard-coded IP 10.1.2.3 in http.Post`
	http.Head("https://user:pw@10.2.0.1/x")        // want `10.2.0.1`
	c := &http.Client{}
	c.Get("http://10.3.0.1/")                 // want `hard-coded IP 10.3.0.1 in \(\*http.Client\).Get`
	(*http.Client).Get(c, "http://10.3.0.2/") // want `10.3.0.2`
	get := c.Get
	get("http://10.3.0.3/")                                             // want `10.3.0.3`
	http.NewRequest("GET", "http://10.4.0.1/x", nil)                    // want `hard-coded IP 10.4.0.1 in http.NewRequest`
	http.NewRequestWithContext(ctx, "GET", "http://[fd00::5]:80/", nil) // want `fd00::5`
	_ = url.URL{Scheme: "http", Host: "10.5.0.1:8080"}                  // want `hard-coded IP 10.5.0.1 in url.URL Host`
	_ = &url.URL{Host: "10.5.0.2"}                                      // want `10.5.0.2`

	// TCPAddr / UDPAddr.
	net.DialTCP("tcp", nil, &net.TCPAddr{IP: net.ParseIP("10.6.0.1"), Port: 80}) // want `hard-coded IP 10.6.0.1 in net.DialTCP`
	raddr := &net.TCPAddr{IP: net.IPv4(10, 6, 0, 2), Port: 53}
	net.DialTCP("tcp4", nil, raddr) // want `hard-coded IP 10.6.0.2 in net.DialTCP`
	uaddr := &net.UDPAddr{IP: net.IPv4(10, 6, 0, 3), Port: 53}
	net.DialUDP("udp", nil, uaddr) // UDP: not captured by the sidecar (udp.go)
}

func grpcTargets() {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	grpc.NewClient("10.7.0.1:50051", creds)                     // want `hard-coded IP 10.7.0.1 in grpc.NewClient`
	grpc.NewClient("dns:///10.7.0.2:50051", creds)              // want `10.7.0.2`
	grpc.NewClient("ipv4:10.7.0.3:50051,10.7.0.4:50051", creds) // want `10.7.0.3, 10.7.0.4`
	grpc.NewClient("ipv6:[2001:db8::7]:50051", creds)           // want `2001:db8::7`
	grpc.NewClient("passthrough:///10.7.0.5:50051", creds)      // want `10.7.0.5`
	grpc.Dial("10.7.0.6:50051", creds)                          // want `hard-coded IP 10.7.0.6 in grpc.Dial`
	grpc.DialContext(context.Background(), "10.7.0.7:1", creds) // want `10.7.0.7`
}

// Not flagged.
func negatives(ctx context.Context, cfgAddr string, port int) {
	net.Dial("tcp", "127.0.0.1:6379")
	net.Dial("tcp", "localhost:6379")
	net.Dial("tcp", "[::1]:6379")
	net.Dial("tcp", "0.0.0.0:80")
	http.Get("http://169.254.169.254/latest/meta-data/") // cloud metadata
	net.Dial("tcp", "[fe80::1%eth0]:80")
	net.Dial("tcp", "redis.cache.svc.cluster.local:6379")
	http.Get("http://users.default.svc.cluster.local:8080/")
	grpc.NewClient("dns:///orders.shop.svc.cluster.local:50051")
	grpc.NewClient("unix:///var/run/agent.sock")
	net.Dial("unix", "/var/run/docker.sock")
	net.Dial("tcp", cfgAddr)
	net.Dial("tcp", os.Getenv("ADDR"))
	net.Dial("tcp", reassigned)
	http.Get("http://10.0.0" + strconv.Itoa(port) + "/") // host not wholly known
	http.Get(fmt.Sprintf("http://%s:%d/", cfgAddr, port))
	net.Listen("tcp", "10.0.0.5:8080") // a listen address is loopbacklisten's business
	var ln net.ListenConfig
	ln.Listen(ctx, "tcp", "10.0.0.5:8080")
	http.Get("/relative/10.0.0.5")
	addr := "10.0.0.5:80"
	addr = cfgAddr
	net.Dial("tcp", addr) // assigned twice
	p := "10.0.0.5:80"
	setAddr(&p)
	net.Dial("tcp", p) // address taken
}

func setAddr(p *string) {}

func funcValue() {
	get := http.Get
	get("http://10.3.0.4/") // want `10.3.0.4`
}
