package basic

import "net"

func inTest() { net.Dial("tcp", "10.0.0.5:6379") }
