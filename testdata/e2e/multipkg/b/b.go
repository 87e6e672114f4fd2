// Package b dials addresses declared in package a.
package b

import (
	"net"

	"example.com/multipkg/a"
)

// Payments dials an IP that package a spells out.
func Payments() (net.Conn, error) {
	return net.Dial("tcp", a.PaymentsHost+":"+a.PaymentsPort)
}

// PaymentsConst dials the same IP through a constant of package a.
func PaymentsConst() (net.Conn, error) {
	return net.Dial("tcp", a.Payments)
}

// Inventory dials a service name: not flagged.
func Inventory() (net.Conn, error) {
	return net.Dial("tcp", a.Inventory)
}

// Billing dials a legacy appliance outside the mesh, on purpose.
func Billing() (net.Conn, error) {
	//meshlint:ignore hardcodedip legacy billing appliance outside the mesh
	return net.Dial("tcp", "10.40.0.12:9100")
}
