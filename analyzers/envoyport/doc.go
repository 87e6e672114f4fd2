// Package envoyport defines an Analyzer that reports servers that listen on
// a port the Istio sidecar owns.
//
// # Analyzer envoyport
//
// envoyport: report servers that listen on a port the Istio sidecar owns
//
// The application container and the sidecar share one network namespace,
// and the sidecar binds a fixed set of ports in it: 15000 (Envoy admin),
// 15001 (outbound capture), 15004 (debug), 15006 (inbound capture), 15008
// (HBONE mTLS tunnel), 15009 (HBONE, ambient), 15020 (pilot-agent's merged
// Prometheus metrics and app health probe rewrites), 15021 (health), 15053
// (DNS proxy) and 15090 (Envoy Prometheus). An application listening on
// one of them either fails to bind (the proxy got there first) or keeps
// the proxy from binding it, or takes traffic meant for the proxy (kubelet
// probes rewritten to 15020, Prometheus scrapes of 15090). Istio's
// application requirements say applications should not use these ports.
//
// Flagged (the address, whatever its host, when its port is known at
// compile time):
//
//	http.ListenAndServe(":15020", mux)
//	srv := &http.Server{Addr: "0.0.0.0:15090"}
//	net.Listen("tcp", fmt.Sprintf(":%d", 15000))
//	const healthPort = 15021
//	r.Run(fmt.Sprintf(":%d", healthPort)) // gin
//	app.Listen(":15006")                  // fiber v2, v3
//	server.Default(server.WithHostPorts(":15008")) // hertz
//	fasthttp.ListenAndServe(":15001", h)
//
// The listeners are loopbacklisten's: net/http's ListenAndServe(TLS) and
// http.Server Addr (literal or srv.Addr = ...), net.Listen and
// (*net.ListenConfig).Listen on TCP, gin Run/RunTLS, echo v4
// Start/StartTLS/StartAutoTLS/StartH2CServer, echo v5 Start and
// StartConfig.Address, fiber v2 Listen/ListenTLS/ListenMutualTLS (and
// their WithCertificate forms), fiber v3 Listen, hertz
// server.WithHostPorts, fasthttp ListenAndServe/ListenAndServeTLS/
// ListenAndServeTLSEmbed (functions and *Server methods). The address
// must be known: constants, single-assignment variables, fmt.Sprintf with
// known arguments, net.JoinHostPort, concatenation.
//
// Not flagged: dial targets on these ports (an app calling pilot-agent on
// localhost:15020 or Envoy's admin on 15000 is legitimate); other 150xx
// ports (15010, 15012, 15014 and 15017 are istiod's, not in the pod);
// addresses from configuration; unix sockets.
//
// Fix: pick another port (and change the container port, Service and
// probes with it).
//
// Sources: Istio documentation, "Application Requirements", section
// "Ports used by Istio" (istio.io, docs/ops/deployment/application-requirements).
package envoyport
