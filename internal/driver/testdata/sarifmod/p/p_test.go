package p

// Never reported (a _test.go file), not even in SARIF.
var t = "replace-me"
