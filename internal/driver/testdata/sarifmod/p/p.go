// Package p is the SARIF fixture of internal/driver/sarif_test.go, whose
// test analyzer reports every "replace-me" string with a suggested fix.
package p

// Reported with a fix; the non-ASCII text before it checks that SARIF
// columns count UTF-16 code units, not bytes.
func F() (string, string) {
	a, b := "h€😀", "replace-me"
	return a, b
}

// Suppressed: listed in SARIF with its justification, nowhere else.
func G() string {
	//meshlint:ignore fixme kept on purpose for the test
	return "replace-me"
}
