package main_test

// End-to-end tests: build the real binary and run it the way users do,
// standalone and under go vet -vettool, checking output and exit codes.

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/meshlint/meshlint/internal/fixtures"
	"github.com/meshlint/meshlint/internal/registry"
)

// -update rewrites examples/ordersvc/meshlint.golden and the README block
// quoting it from the current output: go test ./cmd/meshlint -run Golden -update
var update = flag.Bool("update", false, "update the example golden file and README.md")

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
	buildOut  []byte
)

// TestMain removes the binary meshlint built (and its directory) when the
// tests end.
func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// meshlint builds the binary once per test run.
func meshlint(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "meshlint-e2e")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "meshlint")
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		buildOut, buildErr = cmd.CombinedOutput()
	})
	if buildErr != nil {
		t.Fatalf("building meshlint: %v\n%s", buildErr, buildOut)
	}
	return binPath
}

// run runs name with args in dir and returns stdout, stderr and the exit code.
func run(t *testing.T, dir, name string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running %s %v: %v", name, args, err)
	}
	return stdout.String(), stderr.String(), code
}

var findingLine = regexp.MustCompile(`^(?:\./)?(\S+\.go):(\d+):(\d+): (.*?)(?: \((\w+)\))?$`)

// findings extracts "file:line:col: message" lines, normalised (no ./
// prefix, no trailing analyzer name), sorted.
func findings(output string) []string {
	var out []string
	for _, line := range strings.Split(output, "\n") {
		if m := findingLine.FindStringSubmatch(line); m != nil {
			out = append(out, m[1]+":"+m[2]+":"+m[3]+": "+m[4])
		}
	}
	sort.Strings(out)
	return out
}

func exampleDir() string { return filepath.Join(fixtures.Root(), "examples", "ordersvc") }

// TestExampleMatchesGolden runs the README's example command and compares
// it with examples/ordersvc/meshlint.golden, which README.md quotes.
// (Run with -update after changing the example service.)
func TestExampleMatchesGolden(t *testing.T) {
	bin := meshlint(t)
	stdout, stderr, code := run(t, fixtures.Root(), bin, "-C", "examples/ordersvc")
	if code != 3 {
		t.Fatalf("exit code %d, want 3 (findings)\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	goldenPath := filepath.Join(exampleDir(), "meshlint.golden")
	readmePath := filepath.Join(fixtures.Root(), "README.md")
	if *update {
		if err := os.WriteFile(goldenPath, []byte(stderr), 0o644); err != nil {
			t.Fatal(err)
		}
		readme, err := os.ReadFile(readmePath)
		if err != nil {
			t.Fatal(err)
		}
		block := regexp.MustCompile("(?s)(<!-- example output:[^\n]*\n[ \t]*```\n).*?(\n[ \t]*```)")
		if !block.Match(readme) {
			t.Fatal("README.md has no example output block")
		}
		readme = block.ReplaceAllFunc(readme, func(m []byte) []byte {
			sub := block.FindSubmatch(m)
			return append(append(append([]byte{}, sub[1]...), strings.TrimSuffix(stderr, "\n")...), sub[2]...)
		})
		if err := os.WriteFile(readmePath, readme, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	golden, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatal(err)
	}
	if stderr != string(golden) {
		t.Errorf("output differs from examples/ordersvc/meshlint.golden\n--- got ---\n%s--- want ---\n%s", stderr, golden)
	}
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(readme, golden) {
		t.Errorf("README.md does not quote examples/ordersvc/meshlint.golden verbatim")
	}
}

// TestVetToolSameFindings checks that go vet -vettool reports exactly the
// standalone findings on the example service.
func TestVetToolSameFindings(t *testing.T) {
	bin := meshlint(t)
	_, standalone, code := run(t, exampleDir(), bin, "./...")
	if code != 3 {
		t.Fatalf("standalone exit %d, want 3:\n%s", code, standalone)
	}
	_, vet, code := run(t, exampleDir(), "go", "vet", "-vettool="+bin, "./...")
	if code == 0 {
		t.Fatalf("go vet exit 0, want non-zero:\n%s", vet)
	}
	want, got := findings(standalone), findings(vet)
	if len(want) == 0 {
		t.Fatal("no standalone findings")
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("go vet findings differ from standalone\n--- vet ---\n%s\n--- standalone ---\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestVetToolFlags checks that analyzer flags pass through go vet.
func TestVetToolFlags(t *testing.T) {
	bin := meshlint(t)
	_, out, _ := run(t, exampleDir(), "go", "vet", "-vettool="+bin, "-hardcodedip.allow=10.12.0.0/16", "./...")
	if strings.Contains(out, "hard-coded IP") {
		t.Errorf("-hardcodedip.allow was not applied under go vet:\n%s", out)
	}
	if !strings.Contains(out, "server listens on loopback") {
		t.Errorf("other findings missing under go vet:\n%s", out)
	}
	_, out, _ = run(t, exampleDir(), "go", "vet", "-vettool="+bin, "-loopbacklisten=false", "./...")
	if strings.Contains(out, "server listens on loopback") || !strings.Contains(out, "hard-coded IP") {
		t.Errorf("-loopbacklisten=false was not applied under go vet:\n%s", out)
	}
}

func TestBadFlagValue(t *testing.T) {
	bin := meshlint(t)
	const want = `invalid value "10.0.0.0/99" for flag -hardcodedip.allow`
	_, stderr, code := run(t, exampleDir(), bin, "-hardcodedip.allow=10.0.0.0/99", "./...")
	if code != 2 {
		t.Errorf("standalone: exit %d, want 2", code)
	}
	if !strings.Contains(stderr, want) || strings.Count(stderr, "\n") > 2 {
		t.Errorf("standalone: want one clear line containing %q, got:\n%s", want, stderr)
	}
	_, stderr, code = run(t, exampleDir(), "go", "vet", "-vettool="+bin, "-hardcodedip.allow=10.0.0.0/99", "./...")
	if code == 0 {
		t.Errorf("go vet: exit 0, want non-zero")
	}
	if n := strings.Count(stderr, want); n != 1 {
		t.Errorf("go vet: want the error exactly once, got %d times:\n%s", n, stderr)
	}
	if strings.Contains(stderr, "hard-coded IP") {
		t.Errorf("go vet: analysis ran despite a bad flag:\n%s", stderr)
	}
}

func TestUsage(t *testing.T) {
	bin := meshlint(t)
	dir := exampleDir()
	for _, tc := range []struct {
		args    []string
		code    int
		out     string // expected in stdout+stderr
		notJSON bool
	}{
		{args: []string{"help"}, code: 0, out: "hardcodedip"},
		{args: []string{"-help"}, code: 0, out: "Usage:"},
		{args: []string{"help", "hardcodedip"}, code: 0, out: "-hardcodedip.allow"},
		{args: []string{"help", "nosuch"}, code: 2, out: `unknown analyzer "nosuch"`},
		{args: []string{"-nosuchflag", "./..."}, code: 2, out: "flag provided but not defined: -nosuchflag"},
		{args: []string{"-version"}, code: 0, out: "meshlint "},
		{args: []string{"./nosuchdir/..."}, code: 1, out: "nosuchdir"},
		{args: append(allDisabled(), "./..."), code: 2, out: "disabled"},
		{args: []string{"-loopbacklisten", "./..."}, code: 3, out: "loopback"},
	} {
		stdout, stderr, code := run(t, dir, bin, tc.args...)
		if code != tc.code || !strings.Contains(stdout+stderr, tc.out) {
			t.Errorf("meshlint %v: exit %d, want %d; want output containing %q, got:\n%s%s", tc.args, code, tc.code, tc.out, stdout, stderr)
		}
	}
}

// allDisabled returns -NAME=false for every registered analyzer.
func allDisabled() []string {
	var args []string
	for _, a := range registry.Analyzers() {
		args = append(args, "-"+a.Name+"=false")
	}
	return args
}

// TestBrokenPackage: a package that does not compile is reported (exit 1)
// and the other packages are still analyzed.
func TestBrokenPackage(t *testing.T) {
	bin := meshlint(t)
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/broken\n\ngo 1.22\n")
	write("good/good.go", "package good\n\nimport \"net\"\n\nfunc F() { net.Dial(\"tcp\", \"10.1.1.1:80\") }\n")
	write("typeerr/typeerr.go", "package typeerr\n\nfunc F() int { return undefinedThing }\n")
	write("syntax/syntax.go", "package syntax\n\nfunc F( {\n")
	_, stderr, code := run(t, dir, bin, "./...")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{"undefined: undefinedThing", "syntax", "hard-coded IP 10.1.1.1"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("output lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "panic") {
		t.Errorf("panic:\n%s", stderr)
	}
	// Each error once, with its position: not also the go command's
	// compiler output for the same package.
	if n := strings.Count(stderr, "undefined: undefinedThing"); n != 1 || strings.Contains(stderr, "# example.com/broken/") {
		t.Errorf("load errors printed %d times or with the compiler's output:\n%s", n, stderr)
	}
}

func TestJSON(t *testing.T) {
	bin := meshlint(t)
	stdout, stderr, code := run(t, exampleDir(), bin, "-json", "./...")
	if code != 3 {
		t.Errorf("exit %d, want 3:\n%s", code, stderr)
	}
	var tree map[string]map[string]any
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("-json output is not JSON: %v\n%s", err, stdout)
	}
	if _, ok := tree["example.com/ordersvc"]["hardcodedip"]; !ok {
		t.Errorf("-json lacks hardcodedip findings for example.com/ordersvc:\n%s", stdout)
	}
}

// TestOddCode: cgo, generics and build constraints load and analyze
// without panics, and findings inside them are still reported.
func TestOddCode(t *testing.T) {
	bin := meshlint(t)
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/odd\n\ngo 1.22\n",
		"cgo/cgo.go": `package cgo

// int twice(int x) { return 2 * x; }
import "C"

import "net"

func Twice(x int) int { return int(C.twice(C.int(x))) }

func Dial() { net.Dial("tcp", "10.2.2.2:80") }
`,
		"generic/generic.go": `package generic

import (
	"net"
	"net/http"
)

type Pool[T any] struct{ items []T }

func Dial[T ~string](addr T) (net.Conn, error) { return net.Dial("tcp", string(addr)) }

func Use() {
	Dial("10.3.3.3:80") // the address is a parameter inside Dial: not known there
	http.ListenAndServe("localhost:8080", nil) // want a finding
}
`,
		"tagged/tagged_linux.go": "//go:build linux\n\npackage tagged\n\nimport \"net\"\n\nfunc F() { net.Dial(\"tcp\", \"10.4.4.4:80\") }\n",
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, stderr, code := run(t, dir, bin, "./...")
	if code != 3 {
		t.Errorf("exit %d, want 3:\n%s", code, stderr)
	}
	// Columns in cgo files are those of the cgo-rewritten source.
	for _, want := range []string{"cgo.go:10:", "hard-coded IP 10.2.2.2", "generic.go:14:22: server listens on loopback", "tagged_linux.go:7:28: hard-coded IP 10.4.4.4"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("output lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "10.3.3.3") || strings.Contains(stderr, "panic") {
		t.Errorf("unexpected output:\n%s", stderr)
	}
}

// TestFixExample runs meshlint -fix on a copy of the example service: the
// fixed code must build, and the only ctxprop finding left is the one with
// no mechanical fix (rule 6: a helper needs a ctx parameter).
func TestFixExample(t *testing.T) {
	bin := meshlint(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(exampleDir())); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, dir, bin, "-fix", "./...")
	if code != 3 { // findings without a mechanical fix remain
		t.Errorf("-fix: exit %d, want 3:\n%s", code, stderr)
	}
	if !regexp.MustCompile(`applied [1-9]\d* fixes`).MatchString(stderr) {
		t.Errorf("-fix applied nothing:\n%s", stderr)
	}
	if _, out, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Fatalf("fixed example does not build:\n%s", out)
	}
	_, out, _ := run(t, dir, bin, "-ctxprop", "./...")
	if left := findings(out); len(left) != 1 || !strings.Contains(left[0], "restock drops the inbound context") {
		t.Errorf("after -fix, want only the rule 6 finding (restock) left, got:\n%s", out)
	}
	// The original is untouched.
	if _, out, code := run(t, exampleDir(), bin, "-ctxprop", "./..."); code != 3 {
		t.Errorf("example service lost its ctxprop findings (exit %d):\n%s", code, out)
	}
}
