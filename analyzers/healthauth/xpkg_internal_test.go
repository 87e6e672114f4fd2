package healthauth

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/lint"
)

// checkerIn returns a checker for a package whose one file is file, in the
// module mod (nil: the driver gives no module).
func checkerIn(t *testing.T, file string, mod *analysis.Module) *checker {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, "package p\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Fset: fset, Files: []*ast.File{f}, Module: mod}
	return &checker{p: &lint.Pass{Pass: pass}, segs: segments, foreign: make(map[*types.Func]foreign), srcPkgs: make(map[string]*srcPkg)}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSameModule(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.com/m\n")
	write(t, filepath.Join(dir, "a", "a.go"), "package a\n")
	write(t, filepath.Join(dir, "b", "b.go"), "package b\n")
	write(t, filepath.Join(dir, "nested", "go.mod"), "module example.com/m/nested\n")
	write(t, filepath.Join(dir, "nested", "c", "c.go"), "package c\n")
	b := filepath.Join(dir, "b", "b.go")
	goroot := filepath.Join(build.Default.GOROOT, "src", "net", "http", "server.go")

	c := checkerIn(t, filepath.Join(dir, "a", "a.go"), &analysis.Module{Path: "example.com/m"})
	for _, tc := range []struct {
		pkg, file, want string
	}{
		{"example.com/m/b", b, b},
		{"example.com/m/b", "example.com/m/b/b.go", b}, // -trimpath
		{"example.com/m/nested/c", filepath.Join(dir, "nested", "c", "c.go"), ""},
		{"other.com/b", b, ""},
		{"net/http", goroot, ""},
		{"example.com/m/b", "b.go", ""},
		{"example.com/m/b", filepath.Join(dir, "b", "b.s"), ""},
	} {
		if got := c.sameModule(tc.pkg, tc.file); got != tc.want {
			t.Errorf("sameModule(%q, %q) = %q, want %q", tc.pkg, tc.file, got, tc.want)
		}
	}

	// Without pass.Module the file system decides alone.
	c = checkerIn(t, filepath.Join(dir, "a", "a.go"), nil)
	if got := c.sameModule("example.com/m/b", b); got != b {
		t.Errorf("no pass.Module: sameModule = %q, want %q", got, b)
	}
	if got := c.sameModule("example.com/m/nested/c", filepath.Join(dir, "nested", "c", "c.go")); got != "" {
		t.Errorf("no pass.Module, nested module: sameModule = %q, want \"\"", got)
	}
}

func TestSameModuleWithoutGoMod(t *testing.T) {
	dir := t.TempDir()
	if moduleRoot(dir) != "" {
		t.Skip("a go.mod above the temporary directory")
	}
	c := checkerIn(t, filepath.Join(dir, "src", "p", "p.go"), nil)
	other := filepath.Join(dir, "src", "q", "q.go")
	if got := c.sameModule("q", other); got != other {
		t.Errorf("GOPATH-style: sameModule = %q, want %q", got, other)
	}
	if got := c.sameModule("v", filepath.Join(dir, "src", "p", "vendor", "v", "v.go")); got != "" {
		t.Errorf("vendored file: sameModule = %q, want \"\"", got)
	}
	if got := c.sameModule("net/http", filepath.Join(build.Default.GOROOT, "src", "net", "http", "server.go")); got != "" {
		t.Errorf("GOROOT file: sameModule = %q, want \"\"", got)
	}
}

func TestDefaultImportName(t *testing.T) {
	for path, want := range map[string]string{
		"net/http":                     "http",
		"github.com/labstack/echo/v4":  "echo",
		"google.golang.org/grpc/codes": "codes",
		"gopkg.in/yaml.v3":             "yaml",
		"github.com/go-chi/chi/v5":     "chi",
	} {
		if got := defaultImportName(path); got != want {
			t.Errorf("defaultImportName(%q) = %q, want %q", path, got, want)
		}
	}
}
