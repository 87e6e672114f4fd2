package golangci_test

// End-to-end test of the module plugin: a real golangci-lint v2 binary
// with the plugin compiled in (built the way `golangci-lint custom` builds
// it, see testdata/e2e/gclbuild/main.go), run on testdata/e2e/golangci
// whose .golangci.yml enables meshlint with settings.
//
// Building golangci-lint takes minutes on a cold build cache (2 cores), so
// the binary is kept, keyed by a hash of everything it is built from, in
// e2eCache(), and the build runs as a detached process that installs the
// binary there itself: if go test's time budget runs out first, the build
// still completes and the next run uses it. `go test -short` skips this.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/meshlint/meshlint/internal/fixtures"
)

// e2eCache keeps built binaries between test runs: next to the Go build
// cache (so it survives fresh clones on the same machine, as CI's are),
// else in the repository's gitignored .cache/.
func e2eCache() string {
	out, err := exec.Command("go", "env", "GOCACHE").Output()
	if gocache := strings.TrimSpace(string(out)); err == nil && filepath.IsAbs(gocache) {
		return filepath.Join(filepath.Dir(gocache), "meshlint-e2e")
	}
	return filepath.Join(fixtures.Root(), ".cache", "meshlint-e2e")
}

// inputsHash hashes what the custom binary is built from: the build module
// (testdata/e2e/gclbuild), the repository's go.mod/go.sum, every non-test
// .go file the plugin can reach (analyzers/, internal/, plugin/) and the
// Go version.
func inputsHash(root string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", runtime.Version())
	add := func(path string) error {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(data))
		h.Write(data)
		return nil
	}
	for _, name := range []string{"go.mod", "go.sum", "testdata/e2e/gclbuild/go.mod", "testdata/e2e/gclbuild/go.sum", "testdata/e2e/gclbuild/main.go"} {
		if err := add(filepath.Join(root, filepath.FromSlash(name))); err != nil {
			return "", err
		}
	}
	for _, dir := range []string{"analyzers", "internal", "plugin"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			if !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
				return add(path)
			}
			return nil
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:20], nil
}

// buildScript is the builder's sequence (pkg/commands/internal/builder.go
// of golangci-lint: replace the plugin by its path, go mod tidy, go build
// with -s -w), run in a copy of testdata/e2e/gclbuild, then an atomic
// install into the cache. It removes its work directory and lock at exit.
const buildScript = `set -eu
trap 'rm -rf "$WORK" "$LOCK"' EXIT
cd "$WORK"
go mod edit -replace "github.com/meshlint/meshlint=$ROOT"
go mod tidy
go build -ldflags='-s -w' -o golangci-lint .
mv golangci-lint "$BIN.tmp"
mv "$BIN.tmp" "$BIN"
echo "built in $(( $(date +%s) - START ))s"
`

var (
	gclOnce sync.Once
	gclPath string
	gclErr  error
)

// golangciLint returns the custom golangci-lint, building it if needed.
func golangciLint(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a custom golangci-lint (minutes when the build cache is cold)")
	}
	gclOnce.Do(func() { gclPath, gclErr = buildGolangciLint(t) })
	if gclErr != nil {
		t.Fatal(gclErr)
	}
	return gclPath
}

func buildGolangciLint(t *testing.T) (string, error) {
	root, err := filepath.Abs(fixtures.Root())
	if err != nil {
		return "", err
	}
	key, err := inputsHash(root)
	if err != nil {
		return "", err
	}
	cache := e2eCache()
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return "", err
	}
	bin := filepath.Join(cache, "golangci-lint-meshlint-"+key)
	lock := bin + ".lock"
	logFile := bin + ".log"
	if _, err := os.Stat(bin); err == nil {
		t.Logf("using cached %s", bin)
		return bin, nil
	}

	start := time.Now()
	// Start a build unless one (from an earlier, timed-out run or a
	// parallel one) is under way: the lock file exists while it runs.
	if info, err := os.Stat(lock); err == nil && time.Since(info.ModTime()) > time.Hour {
		os.Remove(lock) // left by a build that was killed
	}
	if f, err := os.OpenFile(lock, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644); err == nil {
		f.Close()
		// Keep only the newest binary: remove those built from other inputs.
		old, _ := filepath.Glob(filepath.Join(cache, "golangci-lint-meshlint-*"))
		for _, o := range old {
			if !strings.HasPrefix(o, bin) {
				os.Remove(o)
			}
		}
		work, err := os.MkdirTemp("", "meshlint-gclbuild-")
		if err != nil {
			os.Remove(lock)
			return "", err
		}
		for _, name := range []string{"go.mod", "go.sum", "main.go"} {
			data, err := os.ReadFile(filepath.Join(root, "testdata", "e2e", "gclbuild", name))
			if err == nil {
				err = os.WriteFile(filepath.Join(work, name), data, 0o644)
			}
			if err != nil {
				os.Remove(lock)
				return "", err
			}
		}
		logf, err := os.Create(logFile)
		if err != nil {
			os.Remove(lock)
			return "", err
		}
		cmd := exec.Command("sh", "-c", buildScript)
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod",
			"WORK="+work, "LOCK="+lock, "ROOT="+root, "BIN="+bin,
			fmt.Sprintf("START=%d", start.Unix()))
		cmd.Stdout, cmd.Stderr = logf, logf
		setDetached(cmd)
		if err := cmd.Start(); err != nil {
			logf.Close()
			os.Remove(lock)
			return "", err
		}
		logf.Close()
		go cmd.Wait() // reap it if it ends while we are still here
		t.Logf("building a custom golangci-lint with the meshlint plugin (log: %s)", logFile)
	} else {
		t.Logf("waiting for a custom golangci-lint build already under way (lock %s)", lock)
	}

	// Wait for the binary, leaving time for the test itself.
	deadline, ok := t.Deadline()
	if !ok {
		deadline = time.Now().Add(time.Hour)
	}
	for {
		if _, err := os.Stat(bin); err == nil {
			t.Logf("custom golangci-lint ready after %v", time.Since(start).Round(time.Second))
			return bin, nil
		}
		if _, err := os.Stat(lock); errors.Is(err, fs.ErrNotExist) {
			if _, err := os.Stat(bin); err == nil {
				continue
			}
			log, _ := os.ReadFile(logFile)
			return "", fmt.Errorf("building the custom golangci-lint failed:\n%s", log)
		}
		if time.Until(deadline) < 90*time.Second {
			return "", fmt.Errorf("the custom golangci-lint is still building after %v (a cold build cache on a busy machine); "+
				"the build goes on in the background and the next run will use it (log: %s), or run with a larger -timeout",
				time.Since(start).Round(time.Second), logFile)
		}
		time.Sleep(2 * time.Second)
	}
}

var (
	meshlintOnce sync.Once
	meshlintPath string
	meshlintErr  error
)

// TestMain removes the meshlint binary built to compare with (and its
// directory) when the tests end; the custom golangci-lint stays cached.
func TestMain(m *testing.M) {
	code := m.Run()
	if meshlintPath != "" {
		os.RemoveAll(filepath.Dir(meshlintPath))
	}
	os.Exit(code)
}

// meshlint builds the meshlint command, to compare with.
func meshlint(t *testing.T) string {
	t.Helper()
	meshlintOnce.Do(func() {
		dir, err := os.MkdirTemp("", "meshlint-e2e")
		if err != nil {
			meshlintErr = err
			return
		}
		meshlintPath = filepath.Join(dir, "meshlint")
		cmd := exec.Command("go", "build", "-o", meshlintPath, "github.com/meshlint/meshlint/cmd/meshlint")
		if out, err := cmd.CombinedOutput(); err != nil {
			meshlintErr = fmt.Errorf("building meshlint: %v\n%s", err, out)
		}
	})
	if meshlintErr != nil {
		t.Fatal(meshlintErr)
	}
	return meshlintPath
}

// run runs name with args in dir; it returns the combined output and the
// exit code.
func run(t *testing.T, dir, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly", "GOLANGCI_LINT_CACHE="+t.TempDir())
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return out.String(), exit.ExitCode()
	}
	if err != nil {
		t.Fatalf("running %s %v: %v", name, args, err)
	}
	return out.String(), 0
}

var (
	gclIssue    = regexp.MustCompile(`(?m)^(\S+\.go):(\d+):(\d+): (.*) \((\w+)\)$`)
	meshlintOut = regexp.MustCompile(`(?m)^(\S+\.go):(\d+):(\d+): (.*) \((\w+)\)$`)
)

// TestGolangciLintPlugin runs the custom golangci-lint on
// testdata/e2e/golangci and compares its issues with the meshlint command
// run with the equivalent flags.
func TestGolangciLintPlugin(t *testing.T) {
	gcl := golangciLint(t)
	dir := filepath.Join(fixtures.Root(), "testdata", "e2e", "golangci")

	start := time.Now()
	out, code := run(t, dir, gcl, "run", "--output.text.print-issued-lines=false", "--output.text.colors=false", "--show-stats=false", "./...")
	t.Logf("golangci-lint run took %v", time.Since(start).Round(time.Millisecond))
	if code != 1 {
		t.Fatalf("golangci-lint run: exit %d, want 1 (issues found)\n%s", code, out)
	}
	var got []string
	for _, m := range gclIssue.FindAllStringSubmatch(out, -1) {
		if m[5] != "meshlint" {
			t.Errorf("issue from linter %q, want meshlint: %s", m[5], m[0])
		}
		got = append(got, m[1]+":"+m[2]+":"+m[3]+": "+m[4])
	}
	slices.Sort(got)

	// The same findings as meshlint with the equivalent flags, less the
	// line carrying //nolint:meshlint (golangci-lint's own suppression).
	// golangci-lint runs the analyzers as one linter, "meshlint", and
	// prefixes each message with the analyzer's name.
	standalone, code := run(t, dir, meshlint(t), "-loopbacklisten=false", "-hardcodedip.allow=10.12.0.0/16",
		"-defaulttransport.implicit", "-healthauth.paths=healthz,readyz", "./...")
	if code != 3 {
		t.Fatalf("meshlint: exit %d, want 3:\n%s", code, standalone)
	}
	var want []string
	for _, m := range meshlintOut.FindAllStringSubmatch(standalone, -1) {
		if !strings.Contains(m[0], "10.1.2.5") {
			want = append(want, m[1]+":"+m[2]+":"+m[3]+": "+m[5]+": "+m[4])
		}
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("golangci-lint issues differ from meshlint's\n--- golangci-lint ---\n%s\n--- want ---\n%s\n--- output ---\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), out)
	}
	for _, w := range []string{
		"svc/svc.go:11:18: hardcodedip: hard-coded IP 10.1.2.3 in http.Get",
		"svc/svc.go:16:25: hardcodedip: hard-coded IP 10.1.2.4 in net.Dial",
	} {
		if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, w) }) {
			t.Errorf("golangci-lint output lacks %q:\n%s", w, out)
		}
	}
	for _, silenced := range []string{"10.12.0.7", "10.1.2.5", "10.1.2.6", "loopback"} {
		if strings.Contains(out, silenced) {
			t.Errorf("golangci-lint reported %s, which settings, //nolint or //meshlint:ignore silence:\n%s", silenced, out)
		}
	}
}

// TestGolangciLintPluginBadSettings: a bad setting stops golangci-lint
// with an error naming the setting and the value.
func TestGolangciLintPluginBadSettings(t *testing.T) {
	gcl := golangciLint(t)
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/bad\n\ngo 1.22\n",
		"x.go":   "package x\n",
		".golangci.yml": `version: "2"
linters:
  default: none
  enable: [meshlint]
  settings:
    custom:
      meshlint:
        type: module
        settings:
          hardcodedip-allow: [10.0.0.0/99]
`,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, code := run(t, dir, gcl, "run", "./...")
	if code == 0 {
		t.Fatalf("golangci-lint accepted a bad setting:\n%s", out)
	}
	if !strings.Contains(out, `setting "hardcodedip-allow": invalid value "10.0.0.0/99"`) {
		t.Errorf("error does not name the setting and value:\n%s", out)
	}
}
