package allow

import "net"

func f() {
	net.Dial("tcp", "10.20.3.4:5432")  // allowed by -allow=10.20.0.0/16
	net.Dial("tcp", "192.168.5.10:80") // allowed: single IP
	net.Dial("tcp", "192.168.5.11:80") // want `192.168.5.11`
	net.Dial("tcp", "10.21.0.1:5432")  // want `10.21.0.1`
}
