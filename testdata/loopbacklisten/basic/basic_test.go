package basic

import "net"

func helper() { net.Listen("tcp", "127.0.0.1:8080") }
