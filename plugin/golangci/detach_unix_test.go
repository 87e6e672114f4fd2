//go:build unix

package golangci_test

import (
	"os/exec"
	"syscall"
)

// setDetached starts cmd in its own process group, so that it outlives a
// test binary killed by go test's -timeout.
func setDetached(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}
