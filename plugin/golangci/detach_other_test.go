//go:build !unix

package golangci_test

import "os/exec"

func setDetached(cmd *exec.Cmd) {}
