// Package hertzserver holds hertz's listener: the server.WithHostPorts
// option.
package hertzserver

import (
	"os"

	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/common/config"
)

func servers() {
	server.Default(server.WithHostPorts("127.0.0.1:8888"))                        // want `"127.0.0.1:8888"`
	server.New(server.WithHostPorts("localhost:8889"), server.WithNetwork("tcp")) // want `"localhost:8889"`
	opts := []config.Option{server.WithHostPorts("localhost:8890")}               // want `"localhost:8890"`
	server.New(opts...)
	server.Default(server.WithHostPorts(":8888"))
	server.Default(server.WithHostPorts("0.0.0.0:8888"))
	server.Default(server.WithHostPorts(os.Getenv("ADDR")))
	server.New(server.WithNetwork("unix"), server.WithHostPorts("localhost:8891")) // a unix socket
	server.Default()                                                               // ":8888"
}
