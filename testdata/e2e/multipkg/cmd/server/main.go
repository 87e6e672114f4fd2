// Command server listens on an address from package a.
package main

import (
	"log"
	"net/http"

	"example.com/multipkg/a"
	"example.com/multipkg/b"
)

func main() {
	if _, err := b.Payments(); err != nil {
		log.Print(err)
	}
	log.Fatal(http.ListenAndServe(a.AdminAddr, nil))
}
