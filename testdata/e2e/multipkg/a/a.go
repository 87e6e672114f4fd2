// Package a holds addresses that package b and cmd/server use: the
// findings are in those packages, the values come from here.
package a

// Payments is the payments appliance, by IP (the finding is where b dials it).
const (
	PaymentsHost = "10.3.3.3"
	PaymentsPort = "9000"
	Payments     = PaymentsHost + ":" + PaymentsPort
)

// AdminAddr is where cmd/server listens (loopback only: the finding is there).
const AdminAddr = "127.0.0.1:9090"

// Inventory is a service name: never flagged.
const Inventory = "inventory.shop.svc.cluster.local:8080"
