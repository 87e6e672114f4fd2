// Command api serves its routes, health included, through package a's
// Gate: the kubelet's probe carries no credentials.
package main

import (
	"log"
	"net/http"

	"example.com/multipkg/a"
	"example.com/multipkg/users"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		users.Lookup(r.FormValue("user"))
	})
	log.Fatal(http.ListenAndServe(":8080", a.Gate(mux)))
}
