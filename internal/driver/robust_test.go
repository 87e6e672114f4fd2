package driver_test

// Robustness of the standalone driver, in-process (driver.Program.Run with
// buffers): deterministic output, patterns that match nothing, a panicking
// analyzer next to a real one, module packages left out of the patterns,
// profiles that cannot be written, and a whole run over the standard
// library.
// Broken packages are covered end to end by cmd/meshlint's TestBrokenPackage.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/analyzers/ctxprop"
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

// TestDeterministic: five runs print byte-identical -json output and
// SARIF files, on the example service and on a generated module of 32
// packages with findings of every kind in each (many per package, from
// several functions, so that any map-order effect would show).
func TestDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and analyzes 33 packages five times")
	}
	for _, dir := range []string{filepath.Join(fixtures.Root(), "examples", "ordersvc"), bigModule(t, 32)} {
		var firstJSON, firstSARIF string
		for i := range 5 {
			sarif := filepath.Join(t.TempDir(), "out.sarif")
			out, stderr, code := runIn(t, dir, registry.Analyzers(), "-json", "-sarif="+sarif, "./...")
			if code != driver.ExitFindings {
				t.Fatalf("%s: exit %d, want %d (findings)\nstderr:\n%s", dir, code, driver.ExitFindings, stderr)
			}
			data, err := os.ReadFile(sarif)
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				firstJSON, firstSARIF = out, string(data)
				var tree map[string]map[string]json.RawMessage
				if err := json.Unmarshal([]byte(out), &tree); err != nil || len(tree) == 0 {
					t.Fatalf("-json output is not a non-empty JSON tree (%v):\n%s", err, out)
				}
				continue
			}
			if out != firstJSON {
				t.Fatalf("%s: -json output of run %d differs from run 1:\n--- run 1 ---\n%s\n--- run %d ---\n%s", dir, i+1, firstJSON, i+1, out)
			}
			if string(data) != firstSARIF {
				t.Fatalf("%s: SARIF of run %d differs from run 1", dir, i+1)
			}
		}
		if n := strings.Count(firstJSON, `"posn"`); n < 9 {
			t.Errorf("%s: only %d findings: the module does not exercise the analyzers", dir, n)
		}
	}
}

// bigModule writes a module of n packages, each with findings of most
// analyzers spread over several functions and files (health routes behind
// auth middleware registered from different functions, requests without
// the inbound context, hard-coded IPs, clients and transports at their
// defaults), each package calling the previous one's context-dropping
// helper.
func bigModule(t *testing.T, n int) string {
	t.Helper()
	files := map[string]string{}
	for i := range n {
		name := fmt.Sprintf("p%02d", i)
		imp, call := "", ""
		if i > 0 {
			imp = fmt.Sprintf("\t\"example.com/robust/p%02d\"\n", i-1)
			call = fmt.Sprintf("\tp%02d.Helper()\n", i-1)
		}
		files[name+"/routes.go"] = fmt.Sprintf(`package %[1]s

import (
	"net/http"
%[2]s)

func auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func routesA(mux *http.ServeMux) {
	mux.HandleFunc("/healthz", ok)
	mux.HandleFunc("/readyz", ok)
}

func routesB(mux *http.ServeMux) {
	mux.HandleFunc("/livez", ok)
	mux.HandleFunc("/api/v1/health", ok)
}

func ok(w http.ResponseWriter, r *http.Request) {
%[3]s	req, _ := http.NewRequest("GET", "http://10.0.%[4]d.1/x", nil)
	http.DefaultClient.Do(req)
	http.Get("http://10.0.%[4]d.2/y")
}

func Serve() {
	mux := http.NewServeMux()
	routesB(mux)
	routesA(mux)
	http.ListenAndServe("127.0.0.1:80%[5]02d", auth(mux))
}
`, name, imp, call, i, i)
		files[name+"/client.go"] = fmt.Sprintf(`package %[1]s

import "net/http"

var shared = &http.Client{Transport: &http.Transport{}}

// Helper drops its caller's context.
func Helper() { http.Head("http://users.svc/%[1]s") }

func other(w http.ResponseWriter, r *http.Request) {
	shared.Get("http://10.1.%[2]d.1/")
	c := &http.Client{Transport: http.DefaultTransport}
	c.Post("http://10.1.%[2]d.2/", "text/plain", nil)
}
`, name, i)
	}
	return writeModule(t, files)
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

// TestModulePackagesOutsidePatterns: a handler in b calls a helper of a,
// another package of the module, that drops the context. meshlint ./b (a
// not matched) still sees the helper through its facts, as go vet does,
// and reports nothing in a.
func TestModulePackagesOutsidePatterns(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	dir := writeModule(t, map[string]string{
		"a/a.go": "package a\n\nimport \"net/http\"\n\n// Load drops the context.\nfunc Load() { http.Get(\"http://users/\") }\n",
		"b/b.go": "package b\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/robust/a\"\n)\n\nfunc H(w http.ResponseWriter, r *http.Request) { a.Load() }\n",
	})
	_, stderr, code := runIn(t, dir, []*analysis.Analyzer{ctxprop.Analyzer}, "./b")
	if code != driver.ExitFindings {
		t.Fatalf("exit %d, want %d\n%s", code, driver.ExitFindings, stderr)
	}
	if want := "b/b.go:9:50: a.Load drops the inbound context: it reaches http.Get without a context at a/a.go:6"; !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	if strings.Contains(stderr, "a/a.go:6:") {
		t.Errorf("reported on package a, which the pattern did not match:\n%s", stderr)
	}
}

// TestUnwritableProfile: a -memprofile that cannot be written is one
// line and exit 1, after the findings.
func TestUnwritableProfile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	dir := writeModule(t, map[string]string{"a/a.go": "package a\n"})
	_, stderr, code := runIn(t, dir, []*analysis.Analyzer{hardcodedip.Analyzer}, "-memprofile="+filepath.Join(dir, "no", "such", "dir", "mem.out"), "./...")
	if code != driver.ExitFailure || !strings.Contains(stderr, "-memprofile:") {
		t.Errorf("exit %d, want %d with a -memprofile error:\n%s", code, driver.ExitFailure, stderr)
	}
}
