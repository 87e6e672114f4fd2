package fasthttpclient

import (
	"time"

	"github.com/valyala/fasthttp"
)

const upstream = "10.0.0.9:8080"

func requests(dst []byte, host string) {
	fasthttp.Get(dst, "http://10.0.0.5/x")                                      // want `hard-coded IP 10.0.0.5 in fasthttp.Get`
	fasthttp.Post(dst, "http://10.0.0.6:8080/x", nil)                           // want `hard-coded IP 10.0.0.6 in fasthttp.Post`
	fasthttp.GetTimeout(dst, "http://10.0.0.7/x", time.Second)                  // want `10.0.0.7`
	fasthttp.GetDeadline(dst, "http://10.0.0.8/x", time.Now().Add(time.Second)) // want `10.0.0.8`

	req := fasthttp.AcquireRequest()
	defer fasthttp.ReleaseRequest(req)
	req.SetRequestURI("http://10.0.1.1:8080/users") // want `hard-coded IP 10.0.1.1 in \(\*fasthttp.Request\).SetRequestURI`
	req.SetRequestURI("/users")                     // a path: the host is set elsewhere
	req.SetRequestURI("http://users.default.svc.cluster.local/users")

	c := &fasthttp.Client{ReadTimeout: time.Second}
	c.Get(dst, "http://10.0.1.2/") // want `hard-coded IP 10.0.1.2 in \(\*fasthttp.Client\).Get`

	hc := &fasthttp.HostClient{Addr: "10.0.2.1:8080", ReadTimeout: time.Second} // want `hard-coded IP 10.0.2.1 in fasthttp.HostClient Addr`
	_ = &fasthttp.HostClient{Addr: upstream + ",10.0.2.2:8080"}                 // want `hard-coded IP 10.0.0.9, 10.0.2.2 in fasthttp.HostClient Addr`
	_ = &fasthttp.HostClient{Addr: "users.default.svc.cluster.local:8080"}
	_ = &fasthttp.HostClient{Addr: host}
	_ = &fasthttp.HostClient{Addr: "127.0.0.1:8080"}
	hc.Post(dst, "http://10.0.2.3/", nil) // want `hard-coded IP 10.0.2.3 in \(\*fasthttp.HostClient\).Post`

	fasthttp.Get(dst, "http://"+host+"/x")
	fasthttp.Get(dst, "http://localhost:8080/x")
}
