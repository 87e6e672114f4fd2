package frameworks

import (
	"os"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func ginServer() {
	r := gin.Default()
	r.Run("localhost:8080")                      // want `"localhost:8080"`
	r.RunTLS("127.0.0.1:8443", "c.pem", "k.pem") // want `"127.0.0.1:8443"`
	r.Run(":8080")
	r.Run()
	r.Run(os.Getenv("ADDR"))
}

func echoServer() {
	e := echo.New()
	e.Start("127.0.0.1:1323")                      // want `"127.0.0.1:1323"`
	e.StartTLS("localhost:1324", "c.pem", "k.pem") // want `"localhost:1324"`
	e.Start(":1323")
	e.Start("0.0.0.0:1323")
}
