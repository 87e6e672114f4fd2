package healthauth_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/meshlint/meshlint/analyzers/healthauth"
	"github.com/meshlint/meshlint/internal/fixtures"
)

func TestHealthAuth(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), healthauth.Analyzer, fixtures.Patterns(t, "healthauth")...)
}

func TestPathsFlag(t *testing.T) {
	fixtures.SetFlag(t, &healthauth.Analyzer.Flags, "paths", "status,alive")
	analysistest.Run(t, fixtures.Dir(t), healthauth.Analyzer, "./healthauth/flags/paths")
}

func TestPathsFlagRejectsEmptyItems(t *testing.T) {
	for _, bad := range []string{"", "a,,b", "healthz,", " , ", "/healthz", "a b"} {
		if err := healthauth.Analyzer.Flags.Set("paths", bad); err == nil {
			t.Errorf("-paths=%q: no error", bad)
		}
	}
	if f := healthauth.Analyzer.Flags.Lookup("paths"); f.Value.String() != f.DefValue {
		got := f.Value.String()
		t.Errorf("list changed by rejected values: %s", got)
	}
}

// On a package with type errors healthauth is skipped by the driver, which
// says so ("analysis skipped due to errors in package"), as it does for the
// other analyzers: the rule does not set RunDespiteErrors (issue 13).
func TestTypeErrorsSkip(t *testing.T) {
	if healthauth.Analyzer.RunDespiteErrors {
		t.Fatal("healthauth sets RunDespiteErrors")
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/broken\n\ngo 1.22\n",
		"main.go": `package main

import "net/http"

func requireAuth(h http.Handler) http.Handler { return h }

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {})
	var n int = "not an int"
	http.ListenAndServe(":8080", requireAuth(mux))
}
`,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := &packages.Config{Mode: packages.LoadSyntax, Dir: dir, Env: append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=-mod=mod")}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) == 0 {
		t.Fatalf("want one package with type errors, got %v (%v)", pkgs, err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{healthauth.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range graph.Roots {
		if act.Err == nil || !strings.Contains(act.Err.Error(), "analysis skipped due to errors in package") {
			t.Errorf("%s: err = %v, diagnostics %v; want the driver's skip error", act, act.Err, act.Diagnostics)
		}
	}
}
