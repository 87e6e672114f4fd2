package basic

import "net"

func suppressed() {
	//meshlint:ignore hardcodedip legacy billing host outside the mesh
	net.Dial("tcp", "10.0.0.5:6379")
	net.Dial("tcp", "10.0.0.5:6379") //meshlint:ignore hardcodedip,loopbacklisten vendor appliance

	/* // want `meshlint:ignore needs a reason` */ //meshlint:ignore hardcodedip
	net.Dial("tcp", "10.0.0.5:6379")

	//meshlint:ignore hardcodedip // golangci-lint style reason
	net.Dial("tcp", "10.0.0.5:6379")

	//meshlint:ignore loopbacklisten not about this rule
	net.Dial("tcp", "10.0.0.5:6379") // want `10.0.0.5`
}
