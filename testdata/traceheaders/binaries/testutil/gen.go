//go:build ignore

// A generator, never built: not a main package of the module.
package main

import (
	_ "example.com/binaries/server"
)

func main() {}
