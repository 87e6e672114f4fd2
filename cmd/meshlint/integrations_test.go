package main_test

// End-to-end tests of the places users run meshlint besides the plain
// command line (README "Running it"): go vet -vettool on a multi-package
// module and SARIF output for a CI gate. The golangci-lint module plugin's
// end-to-end test is plugin/golangci/e2e_test.go (its own test binary, so
// that a cold build of golangci-lint gets go test's whole time budget).

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/meshlint/meshlint/internal/fixtures"
)

func e2eDir(name string) string { return filepath.Join(fixtures.Root(), "testdata", "e2e", name) }

// TestVetMultiPackage: on a module whose findings in one package depend on
// constants of another (constant folding) and on middleware of another
// (healthauth knows a.Gate as auth by what it does, not by its name) and
// on a helper two packages down that drops the context (ctxprop's rule 6
// summaries, exported as facts), go
// vet -vettool (one process per package, with export data, and facts if
// an analyzer declares any, passed between them) reports exactly what the
// standalone checker reports.
func TestVetMultiPackage(t *testing.T) {
	bin := meshlint(t)
	dir := e2eDir("multipkg")
	_, standalone, code := run(t, dir, bin, "./...")
	if code != 3 {
		t.Fatalf("standalone exit %d, want 3:\n%s", code, standalone)
	}
	want := []string{
		`b/b.go:12:25: hard-coded IP 10.3.3.3 in net.Dial`,                                                                                         // a.PaymentsHost+":"+a.PaymentsPort
		`b/b.go:17:25: hard-coded IP 10.3.3.3 in net.Dial`,                                                                                         // a.Payments
		`cmd/api/main.go:15:2: health route "/healthz" is behind auth middleware a.Gate`,                                                           // judged from package a
		`cmd/api/main.go:17:3: users.Lookup drops the inbound context: it reaches (*http.Client).Get without a context at users/store/store.go:13`, // ctxprop rule 6, two packages down
		`cmd/server/main.go:16:32: server listens on loopback`,                                                                                     // a.AdminAddr
	}
	got := findings(standalone)
	if len(got) != len(want) {
		t.Fatalf("standalone: %d findings, want %d:\n%s", len(got), len(want), standalone)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("standalone finding %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
	_, vet, code := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if code == 0 {
		t.Fatalf("go vet exit 0, want non-zero:\n%s", vet)
	}
	if v := findings(vet); !slices.Equal(v, got) {
		t.Errorf("go vet findings differ from standalone\n--- vet ---\n%s\n--- standalone ---\n%s", strings.Join(v, "\n"), strings.Join(got, "\n"))
	}
	for _, out := range []string{standalone, vet} {
		if strings.Contains(out, "10.40.0.12") || strings.Contains(out, "10.9.9.9") {
			t.Errorf("suppressed or _test.go finding reported:\n%s", out)
		}
	}
}

// sarifSchema compiles the vendored official SARIF 2.1.0 schema.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := filepath.Join(fixtures.Root(), "internal", "driver", "testdata", "sarif-schema-2.1.0.json")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSARIFGate runs the CI-gate command of the README (meshlint
// -sarif=FILE ./...) and checks the exit code, the text output, and that
// the SARIF file is valid and lists the suppressed finding as suppressed.
func TestSARIFGate(t *testing.T) {
	bin := meshlint(t)
	out := filepath.Join(t.TempDir(), "meshlint.sarif")
	_, stderr, code := run(t, e2eDir("multipkg"), bin, "-sarif="+out, "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3:\n%s", code, stderr)
	}
	if n := len(findings(stderr)); n != 5 || strings.Contains(stderr, "10.40.0.12") {
		t.Errorf("text output with -sarif: want the 5 unsuppressed findings, got:\n%s", stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifSchema(t).Validate(doc); err != nil {
		t.Errorf("SARIF output is not valid SARIF 2.1.0: %v", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string } `json:"artifactLocation"`
						Region           struct{ StartLine int }         `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Suppressions []struct{ Kind, Justification string } `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	var plain, suppressed []string
	for _, r := range log.Runs[0].Results {
		loc := r.Locations[0].PhysicalLocation
		s := fmt.Sprintf("%s:%d %s", loc.ArtifactLocation.URI, loc.Region.StartLine, r.RuleID)
		if len(r.Suppressions) > 0 {
			s += fmt.Sprintf(" [%s: %s]", r.Suppressions[0].Kind, r.Suppressions[0].Justification)
			suppressed = append(suppressed, s)
		} else {
			plain = append(plain, s)
		}
	}
	if want := []string{"b/b.go:12 hardcodedip", "b/b.go:17 hardcodedip", "cmd/api/main.go:15 healthauth", "cmd/api/main.go:17 ctxprop", "cmd/server/main.go:16 loopbacklisten"}; !slices.Equal(plain, want) {
		t.Errorf("SARIF results %q, want %q", plain, want)
	}
	if want := []string{"b/b.go:28 hardcodedip [inSource: legacy billing appliance outside the mesh]"}; !slices.Equal(suppressed, want) {
		t.Errorf("SARIF suppressed results %q, want %q", suppressed, want)
	}
}
