// Package server uses middleware from authmw.
package server

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"example.com/fixtures/healthauth/crosspkg/authmw"
)

func health(w http.ResponseWriter, r *http.Request) {}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", health) // want `health route "/healthz" is behind auth middleware authmw.Check`
	http.ListenAndServe(":8080", authmw.Trace(authmw.Check(mux)))
}

func factory() {
	mux := http.NewServeMux()
	mux.Handle("/readyz", authmw.Gate("api")(http.HandlerFunc(health))) // want `behind auth middleware authmw.Gate`
	mux.Handle("/livez", authmw.Trace(http.HandlerFunc(health)))
	mux.Handle("/health", authmw.RequireToken(http.HandlerFunc(health)))
}

func ginFactory() {
	r := gin.New()
	r.Use(authmw.Session())
	r.GET("/ping", func(c *gin.Context) {}) // want `behind auth middleware authmw.Session`
}
