package driver_test

// Robustness of the standalone driver, in-process (driver.Program.Run with
// buffers): deterministic output, patterns that match nothing, a panicking
// analyzer next to a real one, and a whole run over the standard library.
// Broken packages are covered end to end by cmd/meshlint's TestBrokenPackage.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/analyzers/hardcodedip"
	"github.com/meshlint/meshlint/internal/driver"
	"github.com/meshlint/meshlint/internal/fixtures"
	"github.com/meshlint/meshlint/internal/lint"
	"github.com/meshlint/meshlint/internal/registry"
)

// runIn runs a meshlint program with analyzers in dir and returns its
// stdout, stderr and exit code.
func runIn(t *testing.T, dir string, analyzers []*analysis.Analyzer, args ...string) (string, string, int) {
	t.Helper()
	if err := analysis.Validate(analyzers); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("GOWORK", "off")
	t.Setenv("GOFLAGS", "-mod=readonly")
	var stdout, stderr bytes.Buffer
	p := &driver.Program{Name: "meshlint", Analyzers: analyzers, Stdout: &stdout, Stderr: &stderr}
	code := p.Run(args)
	return stdout.String(), stderr.String(), code
}

// writeModule writes files (name → content) into a new temporary module.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/robust\n\ngo 1.22\n"
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestDeterministicJSON: two runs on the example service print
// byte-identical -json output. (Text output is sorted by the driver and
// checked against a golden file by cmd/meshlint's TestExampleMatchesGolden.)
func TestDeterministicJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the example service")
	}
	dir := filepath.Join(fixtures.Root(), "examples", "ordersvc")
	out1, err1, code1 := runIn(t, dir, registry.Analyzers(), "-json", "./...")
	out2, err2, code2 := runIn(t, dir, registry.Analyzers(), "-json", "./...")
	if code1 != driver.ExitFindings || code2 != driver.ExitFindings {
		t.Fatalf("exit codes %d, %d; want %d (findings)\nstderr:\n%s", code1, code2, driver.ExitFindings, err1+err2)
	}
	if out1 != out2 {
		t.Errorf("-json output differs between two runs:\n--- first ---\n%s\n--- second ---\n%s", out1, out2)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out1), &tree); err != nil || len(tree) == 0 {
		t.Errorf("-json output is not a non-empty JSON tree (%v):\n%s", err, out1)
	}
}

// TestPatternMatchesNothing: a pattern that matches no package is one clear
// error and exit 1, whether it is a directory pattern or an import path.
func TestPatternMatchesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	dir := writeModule(t, map[string]string{"a/a.go": "package a\n"})
	for _, tc := range []struct {
		pattern string
		want    string
	}{
		{"./nosuchdir/...", "nosuchdir"},
		{"example.com/nothing/...", "example.com/nothing/..."},
		{"./a/nosuch", "nosuch"},
	} {
		stdout, stderr, code := runIn(t, dir, []*analysis.Analyzer{hardcodedip.Analyzer}, tc.pattern)
		if code != driver.ExitFailure {
			t.Errorf("meshlint %s: exit %d, want %d\nstderr:\n%s", tc.pattern, code, driver.ExitFailure, stderr)
		}
		if !strings.Contains(stderr, tc.want) {
			t.Errorf("meshlint %s: stderr does not name %q:\n%s", tc.pattern, tc.want, stderr)
		}
		if strings.Contains(stderr, "panic") || stdout != "" {
			t.Errorf("meshlint %s: unexpected output\nstdout:\n%s\nstderr:\n%s", tc.pattern, stdout, stderr)
		}
		if n := strings.Count(strings.TrimSpace(stderr), "\n") + 1; n > 3 {
			t.Errorf("meshlint %s: want a short error, got %d lines:\n%s", tc.pattern, n, stderr)
		}
	}
}

// panicky panics on package example.com/robust/a and reports one finding
// per file elsewhere; it is wrapped in lint.Run like every analyzer.
var panicky = &analysis.Analyzer{
	Name:     "panicky",
	Doc:      "panics on package a (test analyzer)",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run: lint.Run(func(p *lint.Pass) (any, error) {
		pass := p.Pass
		if pass.Pkg.Path() == "example.com/robust/a" {
			var m map[string]int
			m["boom"]++ // nil map write: a real runtime panic
		}
		for _, f := range pass.Files {
			p.Reportf(f.Name.Pos(), "panicky saw package %s", f.Name.Name)
		}
		return nil, nil
	}),
}

// TestPanickingAnalyzer: a panic in one analyzer on one package becomes
// an analysis error (exit 1) and loses neither the other analyzers'
// findings nor its own findings on other packages.
func TestPanickingAnalyzer(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	dir := writeModule(t, map[string]string{
		"a/a.go": "package a\n\nimport \"net\"\n\nfunc F() { net.Dial(\"tcp\", \"10.1.1.1:80\") }\n",
		"b/b.go": "package b\n\nimport \"net\"\n\nfunc G() { net.Dial(\"tcp\", \"10.2.2.2:80\") }\n",
	})
	analyzers := []*analysis.Analyzer{hardcodedip.Analyzer, panicky}
	for _, args := range [][]string{{"./..."}, {"-json", "./..."}} {
		stdout, stderr, code := runIn(t, dir, analyzers, args...)
		if code != driver.ExitFailure {
			t.Errorf("%v: exit %d, want %d (analysis failed)", args, code, driver.ExitFailure)
		}
		out := stdout + stderr
		for _, want := range []string{
			"hard-coded IP 10.1.1.1", // the real analyzer, on the package where the other one panicked
			"hard-coded IP 10.2.2.2", // the real analyzer, elsewhere
			"panicky saw package b",  // the panicking analyzer, on the package where it did not panic
			"panicky panicked on package example.com/robust/a",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: output lacks %q:\nstdout:\n%s\nstderr:\n%s", args, want, stdout, stderr)
			}
		}
		if strings.Contains(out, "panicky saw package a") {
			t.Errorf("%v: panicky reported on the package where it panicked", args)
		}
	}
}

// TestStd runs every registered analyzer over the standard library: no
// panic, no analysis error, no load error. It takes 20-60 s.
func TestStd(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes the whole standard library (20-60 s)")
	}
	start := time.Now()
	stdout, stderr, code := runIn(t, t.TempDir(), registry.Analyzers(), "-json", "std")
	t.Logf("meshlint std: exit %d in %v", code, time.Since(start).Round(time.Millisecond))
	if code != driver.ExitOK && code != driver.ExitFindings {
		t.Errorf("exit %d, want 0 or 3\nstderr:\n%s", code, stderr)
	}
	if strings.Contains(stderr, "panic") {
		t.Errorf("panic:\n%s", stderr)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("-json output is not JSON: %v", err)
	}
	n := 0
	for pkg, byAnalyzer := range tree {
		for a, raw := range byAnalyzer {
			var diags []json.RawMessage
			if json.Unmarshal(raw, &diags) != nil {
				t.Errorf("%s on %s: analysis error: %s", a, pkg, raw)
				continue
			}
			n += len(diags)
		}
	}
	t.Logf("%d findings on std", n)
}
