// Package pkglevel holds package-level servers: their fields may be set
// anywhere in the package (init).
package pkglevel

import (
	"net/http"
	"time"
)

var fixed = &http.Server{Addr: ":8080", ReadTimeout: 30 * time.Second}

var short = &http.Server{Addr: ":8081", IdleTimeout: 2 * time.Hour}

var plain = &http.Server{Addr: ":8082", ReadTimeout: 30 * time.Second} // want `after 30s \(ReadTimeout`

var declared http.Server

var twice = &http.Server{Addr: ":8083", IdleTimeout: 2 * time.Hour}

var replaced = &http.Server{Addr: ":8084", ReadTimeout: 30 * time.Second}

func init() {
	fixed.IdleTimeout = 2 * time.Hour
	short.IdleTimeout = 10 * time.Second    // want `after 10s \(IdleTimeout\)`
	declared.ReadTimeout = 20 * time.Second // want `after 20s \(ReadTimeout`
	twice.IdleTimeout = 10 * time.Second    // assigned in two functions: the order is not known
}

func setup() {
	twice.IdleTimeout = 3 * time.Hour
	replaced = &http.Server{Addr: ":8084"}
}
