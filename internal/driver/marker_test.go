package driver

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestRemoveStaleMarkers: the go vet flag-error markers of runs that have
// ended are removed; the marker of a run still going is kept.
func TestRemoveStaleMarkers(t *testing.T) {
	start, ok := startTime(os.Getpid())
	if !ok {
		t.Skip("no /proc: markers are not used")
	}
	t.Setenv("TMPDIR", t.TempDir())
	live := filepath.Join(os.TempDir(), fmt.Sprintf("%s%d-%s", markerPrefix, os.Getpid(), start))
	reused := filepath.Join(os.TempDir(), fmt.Sprintf("%s%d-%s", markerPrefix, os.Getpid(), start+"0")) // same PID, other start time
	gone := filepath.Join(os.TempDir(), fmt.Sprintf("%s%d-%s", markerPrefix, 1<<22+12345, "42"))        // beyond pid_max
	other := filepath.Join(os.TempDir(), "unrelated-file")
	for _, name := range []string{live, reused, gone, other} {
		if err := os.WriteFile(name, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	removeStaleMarkers()
	for name, want := range map[string]bool{live: true, reused: false, gone: false, other: true} {
		_, err := os.Stat(name)
		if got := err == nil; got != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(name), got, want)
		}
	}
}
