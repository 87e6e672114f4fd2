package ctxprop_test

import (
	"bytes"
	"go/format"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/meshlint/meshlint/analyzers/ctxprop"
	"github.com/meshlint/meshlint/internal/fixtures"
	"github.com/meshlint/meshlint/internal/lint"
)

func TestCtxprop(t *testing.T) {
	dir := fixtures.Dir(t)
	analysistest.Run(t, dir, ctxprop.Analyzer, fixtures.Patterns(t, "ctxprop")...)
	analysistest.Run(t, filepath.Join(dir, "ctxprop", "oldmod"), ctxprop.Analyzer, "./...")
}

// TestAlwaysFlag: -ctxprop.always restores rules 1 and 2 outside inbound
// scopes (a CLI), and nothing else.
func TestAlwaysFlag(t *testing.T) {
	fixtures.SetFlag(t, &ctxprop.Analyzer.Flags, "always", "true")
	analysistest.Run(t, fixtures.Dir(t), ctxprop.Analyzer, "./ctxprop/flags/always")
}

// TestSuggestedFixes compares the fixed files with their .golden files.
func TestSuggestedFixes(t *testing.T) {
	dir := fixtures.Dir(t)
	analysistest.RunWithSuggestedFixes(t, dir, ctxprop.Analyzer, fixtures.Patterns(t, "ctxprop")...)
	analysistest.RunWithSuggestedFixes(t, filepath.Join(dir, "ctxprop", "oldmod"), ctxprop.Analyzer, "./...")
}

// TestFixesCompile applies every suggested fix itself and checks that the
// result is byte-for-byte the .golden file, is gofmt-clean, and that the
// fixed packages type-check (a fix that does not compile fails here).
// CTXPROP_UPDATE=1 rewrites the golden files.
func TestFixesCompile(t *testing.T) {
	dir := fixtures.Dir(t)
	checkFixes(t, dir, fixtures.Patterns(t, "ctxprop")...)
	checkFixes(t, filepath.Join(dir, "ctxprop", "oldmod"), "./...")
}

func checkFixes(t *testing.T, dir string, patterns ...string) {
	results := analysistest.Run(t, dir, ctxprop.Analyzer, patterns...)

	edits := make(map[string][]lint.Edit) // file -> edits (test variants report the same fix twice: lint.Apply applies it once)
	for _, r := range results {
		fset := r.Pass.Fset
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				for _, e := range fix.TextEdits {
					f := fset.File(e.Pos)
					edits[f.Name()] = append(edits[f.Name()], lint.Edit{Start: f.Offset(e.Pos), End: f.Offset(e.End), Text: e.NewText})
				}
			}
		}
	}
	if len(edits) == 0 {
		t.Fatalf("%s: no suggested fixes at all", patterns)
	}
	overlay := make(map[string][]byte)
	for name, list := range edits {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		fixed, err := lint.Apply(src, list)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if formatted, err := format.Source(fixed); err != nil {
			t.Errorf("%s: fixed file does not parse: %v", name, err)
		} else if !bytes.Equal(formatted, fixed) {
			t.Errorf("%s: fixed file is not gofmt-clean:\n%s", name, fixed)
		}
		if os.Getenv("CTXPROP_UPDATE") != "" {
			if err := os.WriteFile(name+".golden", fixed, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		golden, err := os.ReadFile(name + ".golden")
		if err != nil {
			t.Errorf("missing golden file: %v", err)
		} else if !bytes.Equal(golden, fixed) {
			t.Errorf("%s: fixed file differs from %s.golden:\n%s", name, filepath.Base(name), fixed)
		}
		overlay[name] = fixed
	}

	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir:     dir,
		Tests:   true,
		Overlay: overlay,
		Env:     append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=-mod=mod"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) == 0 {
		t.Fatal("no packages loaded")
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("fixed package %s does not compile: %v", p.PkgPath, e)
		}
	})
}
