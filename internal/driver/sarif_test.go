package driver_test

// SARIF output (-sarif=FILE), in-process: valid against the official
// SARIF 2.1.0 schema (testdata/sarif-schema-2.1.0.json, vendored from
// github.com/oasis-tcs/sarif-spec, sarif-2.1/schema/sarif-schema-2.1.0.json),
// with rules, locations, fixes and suppressions.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/driver"
	"github.com/meshlint/meshlint/internal/fixtures"
	"github.com/meshlint/meshlint/internal/lint"
	"github.com/meshlint/meshlint/internal/registry"
)

// fixmeAnalyzer reports every "replace-me" string literal, with a fix.
var fixmeAnalyzer = &analysis.Analyzer{
	Name:     "fixme",
	Doc:      "report replace-me strings\n\nA test analyzer with suggested fixes.",
	URL:      "https://example.com/fixme",
	Requires: []*analysis.Analyzer{lint.Analyzer},
	Run: lint.Run(func(p *lint.Pass) (any, error) {
		p.Inspector().Preorder([]ast.Node{(*ast.BasicLit)(nil)}, func(n ast.Node) {
			lit := n.(*ast.BasicLit)
			if lit.Kind != token.STRING || lit.Value != `"replace-me"` {
				return
			}
			p.Report(analysis.Diagnostic{
				Pos: lit.Pos(), End: lit.End(),
				Message: "replace-me string: test finding; write fixed",
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   "write fixed",
					TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(`"fixed"`)}},
				}},
			})
		})
		return nil, nil
	}),
}

// sarifRun runs a meshlint program in dir with -sarif and returns the
// exit code, stdout, stderr and the SARIF file, validated against the
// schema.
func sarifRun(t *testing.T, dir string, analyzers []*analysis.Analyzer, args ...string) (int, string, string, map[string]any) {
	t.Helper()
	t.Chdir(dir)
	t.Setenv("GOWORK", "off")
	t.Setenv("GOFLAGS", "-mod=readonly")
	out := filepath.Join(t.TempDir(), "out.sarif")
	var stdout, stderr bytes.Buffer
	p := &driver.Program{Name: "meshlint", Analyzers: analyzers, Stdout: &stdout, Stderr: &stderr}
	code := p.Run(append([]string{"-sarif=" + out}, args...))
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("no SARIF file: %v\n%s", err, stderr.String())
	}
	validateSARIF(t, data)
	var log map[string]any
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	return code, stdout.String(), stderr.String(), log
}

func validateSARIF(t *testing.T, data []byte) {
	t.Helper()
	f, err := os.Open(filepath.Join(fixtures.Root(), "internal", "driver", "testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("vendored schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("SARIF output is not valid SARIF 2.1.0: %v\n%s", err, data)
	}
}

// get walks a decoded JSON value: keys for objects, ints for arrays.
func get(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%v: not an object at %q", path, k)
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("%v: no element %d", path, k)
			}
			v = a[k]
		}
	}
	return v
}

func TestSARIFExampleService(t *testing.T) {
	dir := filepath.Join(fixtures.Root(), "examples", "ordersvc")
	code, _, stderr, log := sarifRun(t, dir, registry.Analyzers(), "./...")
	if code != driver.ExitFindings {
		t.Fatalf("exit %d, want %d:\n%s", code, driver.ExitFindings, stderr)
	}
	if !strings.Contains(stderr, "(hardcodedip)") {
		t.Errorf("text output missing with -sarif:\n%s", stderr)
	}
	if v := get(t, log, "version"); v != "2.1.0" {
		t.Errorf("version %v", v)
	}
	run := get(t, log, "runs", 0)
	if name := get(t, run, "tool", "driver", "name"); name != "meshlint" {
		t.Errorf("tool name %v", name)
	}
	rules := get(t, run, "tool", "driver", "rules").([]any)
	if len(rules) != len(registry.Analyzers()) {
		t.Errorf("%d rules, want one per analyzer (%d)", len(rules), len(registry.Analyzers()))
	}
	for i, a := range registry.Analyzers() {
		title, _, _ := strings.Cut(a.Doc, "\n")
		if get(t, rules[i], "id") != a.Name || get(t, rules[i], "helpUri") != a.URL ||
			get(t, rules[i], "shortDescription", "text") != title ||
			get(t, rules[i], "defaultConfiguration", "level") != "warning" {
			t.Errorf("rule %d = %v, want %s", i, rules[i], a.Name)
		}
	}
	base := get(t, run, "originalUriBaseIds", "%SRCROOT%", "uri").(string)
	if abs, _ := filepath.Abs(dir); base != "file://"+filepath.ToSlash(abs)+"/" {
		t.Errorf("%%SRCROOT%% = %q, want file://%s/", base, abs)
	}
	// One result per text finding (the example service grows with the
	// analyzers; examples/ordersvc/meshlint.golden has the list).
	results := get(t, run, "results").([]any)
	if n := strings.Count(stderr, "\n"); len(results) != n || n == 0 {
		t.Fatalf("%d results, want %d (one per finding):\n%s", len(results), n, stderr)
	}
	var r any
	for _, res := range results {
		if get(t, res, "locations", 0, "physicalLocation", "artifactLocation", "uri") == "inventory.go" &&
			get(t, res, "ruleId") == "hardcodedip" {
			r = res
		}
	}
	if r == nil {
		t.Fatalf("no hardcodedip result in inventory.go: %v", results)
	}
	// Its position and message are those of the text output.
	region := get(t, r, "locations", 0, "physicalLocation", "region")
	text := fmt.Sprintf("inventory.go:%v:%v: %v (hardcodedip)\n", get(t, region, "startLine"), get(t, region, "startColumn"), get(t, r, "message", "text"))
	if get(t, r, "ruleIndex") != 0.0 ||
		get(t, r, "locations", 0, "physicalLocation", "artifactLocation", "uriBaseId") != "%SRCROOT%" ||
		!strings.Contains(stderr, text) {
		t.Errorf("inventory.go hardcodedip result = %v; as text %q, not in:\n%s", r, text, stderr)
	}
}

func TestSARIFFixesAndSuppressions(t *testing.T) {
	dir := filepath.Join(fixtures.Root(), "internal", "driver", "testdata", "sarifmod")
	code, _, stderr, log := sarifRun(t, dir, []*analysis.Analyzer{fixmeAnalyzer}, "-test", "./...")
	if code != driver.ExitFindings {
		t.Fatalf("exit %d, want %d:\n%s", code, driver.ExitFindings, stderr)
	}
	if n := strings.Count(stderr, "replace-me string"); n != 1 {
		t.Errorf("text output: want exactly the unsuppressed finding, got:\n%s", stderr)
	}
	results := get(t, log, "runs", 0, "results").([]any)
	if len(results) != 2 {
		t.Fatalf("%d results, want 2 (one plain, one suppressed; none from p_test.go)", len(results))
	}

	src, err := os.ReadFile(filepath.Join(dir, "p", "p.go"))
	if err != nil {
		t.Fatal(err)
	}
	const line = "\ta, b := \"h€😀\", \"replace-me\""
	if !bytes.Contains(src, []byte(line)) {
		t.Fatal("fixture changed")
	}
	prefix := line[:strings.Index(line, `"replace-me"`)]
	col := len(utf16.Encode([]rune(prefix))) + 1 // UTF-16 column of the literal
	endCol := col + len(`"replace-me"`)          // ASCII literal
	region := map[string]any{"startLine": 8.0, "startColumn": float64(col), "endLine": 8.0, "endColumn": float64(endCol)}

	r := results[0]
	if got := get(t, r, "locations", 0, "physicalLocation", "region"); !equalJSON(got, region) {
		t.Errorf("region %v, want %v (UTF-16 columns)", got, region)
	}
	if get(t, r, "locations", 0, "physicalLocation", "artifactLocation", "uri") != "p/p.go" {
		t.Errorf("uri %v, want p/p.go", get(t, r, "locations", 0, "physicalLocation", "artifactLocation", "uri"))
	}
	if get(t, r, "suppressions") != nil {
		t.Errorf("unsuppressed result has suppressions: %v", r)
	}
	change := get(t, r, "fixes", 0, "artifactChanges", 0)
	if get(t, change, "artifactLocation", "uri") != "p/p.go" ||
		!equalJSON(get(t, change, "replacements", 0, "deletedRegion"), region) ||
		get(t, change, "replacements", 0, "insertedContent", "text") != `"fixed"` ||
		get(t, r, "fixes", 0, "description", "text") != "write fixed" {
		t.Errorf("fix = %v", get(t, r, "fixes"))
	}

	s := results[1]
	if get(t, s, "locations", 0, "physicalLocation", "region", "startLine") != 15.0 {
		t.Errorf("suppressed result at %v, want line 15", get(t, s, "locations", 0, "physicalLocation", "region"))
	}
	want := []any{map[string]any{"kind": "inSource", "justification": "kept on purpose for the test"}}
	if got := get(t, s, "suppressions"); !equalJSON(got, want) {
		t.Errorf("suppressions %v, want %v", got, want)
	}
}

// TestSARIFSuppressedOnly: suppressed findings do not count for the exit
// code or the -json output.
func TestSARIFSuppressedOnly(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod": "module example.com/onlysuppressed\n\ngo 1.22\n",
		"q/q.go": "package q\n\n// Q is fine.\nfunc Q() string {\n\treturn \"replace-me\" //meshlint:ignore fixme reason here\n}\n",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr, log := sarifRun(t, dir, []*analysis.Analyzer{fixmeAnalyzer}, "-json", "./...")
	if code != driver.ExitOK {
		t.Errorf("exit %d, want 0 (only a suppressed finding):\n%s", code, stderr)
	}
	if strings.Contains(stdout, "replace-me") {
		t.Errorf("-json lists a suppressed finding:\n%s", stdout)
	}
	if n := len(get(t, log, "runs", 0, "results").([]any)); n != 1 {
		t.Errorf("%d SARIF results, want the 1 suppressed finding", n)
	}
}

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}
