// Package loopbacklisten defines an Analyzer that reports inbound
// listeners bound to a loopback address only.
//
// # Analyzer loopbacklisten
//
// loopbacklisten: report servers that listen on loopback only
//
// Since Istio 1.10 the sidecar forwards inbound traffic to the pod's own IP
// (eth0), not to 127.0.0.1, exactly as plain Kubernetes does. A server
// bound to 127.0.0.1 or localhost is therefore unreachable from every
// other pod through the mesh. Before 1.10 it worked, so an upgrade breaks
// it silently; istioctl reports the same condition at run time as analysis
// message IST0143 (LocalhostListener). meshlint finds it before deploy.
//
// Flagged (the address argument, or the Addr field value, when its host is
// 127.0.0.0/8, ::1 or localhost):
//
//	http.ListenAndServe("127.0.0.1:8080", mux)
//	http.ListenAndServeTLS("localhost:8443", cert, key, mux)
//	srv := &http.Server{Addr: "localhost:8080", Handler: mux}
//	net.Listen("tcp", "127.0.0.1:50051") // e.g. for a gRPC server
//	(&net.ListenConfig{}).Listen(ctx, "tcp", "[::1]:9000")
//	r := gin.Default(); r.Run("localhost:8080")
//	e := echo.New(); e.Start("127.0.0.1:1323") // echo v4 and v5
//	app := fiber.New(); app.Listen("127.0.0.1:3000") // fiber v2 and v3
//	h := server.Default(server.WithHostPorts("127.0.0.1:8888")) // hertz
//	fasthttp.ListenAndServe("localhost:8080", handler)
//
// srv.Addr = "localhost:8080" assignments on an http.Server, gin RunTLS,
// echo v4 StartTLS/StartAutoTLS/StartH2CServer, echo v5
// StartConfig{Address: ...}, fiber v2 ListenTLS/ListenMutualTLS (and
// their WithCertificate forms) and fasthttp's ListenAndServeTLS(Embed)
// and (*Server).ListenAndServe* are checked the same way; listeners set
// to a network other than TCP (fiber v3 ListenConfig.ListenerNetwork,
// hertz server.WithNetwork, echo v5 StartConfig.ListenerNetwork) are
// not. The address must be known at
// compile time (constants, single-assignment variables, fmt.Sprintf,
// net.JoinHostPort, concatenation); the host alone is enough:
// fmt.Sprintf("localhost:%d", cfg.Port) is flagged.
//
// Not flagged: ":8080", "0.0.0.0:8080", "[::]:8080", addresses from
// configuration; non-TCP listeners (unix sockets); port 0 (an ephemeral
// port the sidecar could never be configured to route to, typical of
// test helpers); and the pprof idiom, a loopback debug listener with a nil
// handler (http.DefaultServeMux) in a package that imports net/http/pprof,
// which is deliberately private.
//
// Fix: listen on all interfaces (":8080" or "0.0.0.0:8080"). Keep loopback
// only for listeners that are meant to be private, and suppress those:
//
//	//meshlint:ignore loopbacklisten admin endpoint, reached via kubectl port-forward only
//
// Sources: Istio blog "Upcoming networking changes in Istio 1.10"
// (2021-04-15); Istio 1.10 upgrade notes ("Inbound Forwarding
// Configuration"); Istio analysis message IST0143.
package loopbacklisten
