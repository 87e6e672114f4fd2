package traceheaders_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/meshlint/meshlint/analyzers/traceheaders"
	"github.com/meshlint/meshlint/internal/fixtures"
)

// The rules are about whole modules, so every fixture case is a module of
// its own under testdata/traceheaders, joined by its go.work (analysistest
// loads a go.work in its directory): one load type-checks the shared
// dependencies once.
var (
	// defaultModules run with the default flags.
	defaultModules = []string{"otelsvc", "binaries", "nopropagator", "deftransport", "defclient", "manual", "quiet"}
	// strictModules run with -traceheaders.strict.
	strictModules = []string{"flags/strict/plain", "flags/strict/revproxy", "flags/strict/wholesale", "manual"}
)

var (
	prepOnce sync.Once
	prepErr  error
	prepOut  []byte
)

// workspace returns testdata/traceheaders with the dependencies of its
// modules downloaded (analysistest runs with GOPROXY=off), as
// fixtures.Dir does for the main fixture module.
func workspace(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(fixtures.Root(), "testdata", "traceheaders")
	prepOnce.Do(func() {
		args := []string{"list", "-deps", "-test", "./..."}
		for _, m := range append(slices.Clone(defaultModules), strictModules...) {
			args = append(args, "./"+m+"/...")
		}
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK="+filepath.Join(dir, "go.work"))
		prepOut, prepErr = cmd.CombinedOutput()
	})
	if prepErr != nil {
		t.Fatalf("preparing %s: %v\n%s", dir, prepErr, prepOut)
	}
	return dir
}

func patterns(mods []string) []string {
	var out []string
	for _, m := range mods {
		out = append(out, "./"+m+"/...")
	}
	return out
}

func TestTraceheaders(t *testing.T) {
	analysistest.Run(t, workspace(t), traceheaders.Analyzer, patterns(defaultModules)...)
}

func TestStrict(t *testing.T) {
	dir := workspace(t)
	fixtures.SetFlag(t, &traceheaders.Analyzer.Flags, "strict", "true")
	analysistest.Run(t, dir, traceheaders.Analyzer, patterns(strictModules)...)
}

// TestNoModule runs in GOPATH mode, where the driver names no module (as
// nogo under Bazel): the module-wide rules (3 and 5 here) stay silent.
func TestNoModule(t *testing.T) {
	dir := filepath.Join(workspace(t), "gopath")
	fixtures.SetFlag(t, &traceheaders.Analyzer.Flags, "strict", "true")
	results := analysistest.Run(t, dir, traceheaders.Analyzer, "nomodule")
	if len(results) == 0 {
		t.Fatal("no package analysed")
	}
	for _, r := range results {
		if r.Pass != nil && r.Pass.Module != nil && r.Pass.Module.Path != "" {
			t.Errorf("GOPATH run has module %q: the test no longer tests an unknown module", r.Pass.Module.Path)
		}
	}
}

// TestVetSameFindings builds the real binary and checks that go vet
// -vettool (one process per package, each reading the module's source on
// its own) reports exactly what the standalone run (all packages in one
// process) reports, on modules whose answers come from other packages.
func TestVetSameFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	root := workspace(t)
	bin := filepath.Join(t.TempDir(), "meshlint")
	build := exec.Command("go", "build", "-o", bin, "github.com/meshlint/meshlint/cmd/meshlint")
	build.Dir = fixtures.Root()
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building meshlint: %v\n%s", err, out)
	}
	for _, mod := range []string{"otelsvc", "binaries", "nopropagator", "manual"} {
		t.Run(mod, func(t *testing.T) {
			dir := filepath.Join(root, mod)
			standalone := jsonFindings(t, dir, runIn(t, dir, bin, "-traceheaders", "-json", "./..."))
			vet := jsonFindings(t, dir, runIn(t, dir, "go", "vet", "-vettool="+bin, "-traceheaders", "-json", "./..."))
			if len(standalone) == 0 {
				t.Fatal("no standalone findings")
			}
			if !slices.Equal(standalone, vet) {
				t.Errorf("go vet findings differ from standalone\n--- vet ---\n%s\n--- standalone ---\n%s", strings.Join(vet, "\n"), strings.Join(standalone, "\n"))
			}
		})
	}
}

// runIn runs a command in dir, outside the workspace (each module on its
// own, as a user runs it), and returns its stdout.
func runIn(t *testing.T, dir, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	if stdout.Len() == 0 {
		t.Fatalf("%s %v: no JSON output (exit %v)\nstderr:\n%s", name, args, err, stderr.String())
	}
	return stdout.Bytes()
}

// jsonFindings decodes the -json output (the standalone driver prints one
// JSON tree, go vet one per package process) into sorted, deduplicated
// "file:line:col: message" lines with file names relative to dir.
func jsonFindings(t *testing.T, dir string, out []byte) []string {
	t.Helper()
	type diag struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	seen := make(map[string]bool)
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			if err.Error() == "EOF" {
				break
			}
			t.Fatalf("decoding -json output: %v\n%s", err, out)
		}
		for _, byAnalyzer := range tree {
			raw, ok := byAnalyzer["traceheaders"]
			if !ok {
				continue
			}
			var diags []diag
			if err := json.Unmarshal(raw, &diags); err != nil {
				continue // an error object, not findings
			}
			for _, d := range diags {
				posn := d.Posn
				if rel, err := filepath.Rel(dir, posn); err == nil && filepath.IsAbs(posn) {
					posn = rel
				}
				seen[strings.TrimPrefix(posn, "./")+": "+d.Message] = true
			}
		}
	}
	var lines []string
	for l := range seen {
		lines = append(lines, l)
	}
	slices.Sort(lines)
	return lines
}
