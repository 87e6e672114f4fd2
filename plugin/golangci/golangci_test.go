package golangci

import (
	"flag"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/registry"
)

// restoreFlags puts every analyzer flag back to its value before the test:
// settings apply process-wide.
func restoreFlags(t *testing.T) {
	saved := make(map[*flag.Flag]string)
	for _, a := range registry.Analyzers() {
		a.Flags.VisitAll(func(f *flag.Flag) { saved[f] = f.Value.String() })
	}
	t.Cleanup(func() {
		for f, v := range saved {
			if err := f.Value.Set(v); err != nil {
				t.Errorf("restoring -%s: %v", f.Name, err)
			}
		}
	})
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func build(t *testing.T, conf any) ([]*analysis.Analyzer, error) {
	t.Helper()
	p, err := New(conf)
	if err != nil {
		return nil, err
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("meshlint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if want := names(registry.Analyzers()); !slices.Equal(names(as), want) {
		t.Errorf("no settings: analyzers %v, want all of %v", names(as), want)
	}
	if err := analysis.Validate(as); err != nil {
		t.Error(err)
	}
}

func TestDisable(t *testing.T) {
	restoreFlags(t)
	for _, conf := range []any{
		map[string]any{"disable": []any{"loopbacklisten"}},
		map[string]any{"disable": "loopbacklisten"},
		map[string]any{"DISABLE": []string{"loopbacklisten"}},
	} {
		as, err := build(t, conf)
		if err != nil {
			t.Fatalf("%v: %v", conf, err)
		}
		if slices.Contains(names(as), "loopbacklisten") || !slices.Contains(names(as), "hardcodedip") {
			t.Errorf("%v: analyzers %v", conf, names(as))
		}
	}
}

func TestFlagSettings(t *testing.T) {
	restoreFlags(t)
	allow := func() string {
		for _, a := range registry.Analyzers() {
			if a.Name == "hardcodedip" {
				return a.Flags.Lookup("allow").Value.String()
			}
		}
		t.Fatal("no hardcodedip analyzer")
		return ""
	}
	if _, err := build(t, map[string]any{"hardcodedip-allow": []any{"10.12.0.0/16", "192.168.5.10"}}); err != nil {
		t.Fatal(err)
	}
	if got := allow(); !strings.Contains(got, "10.12.0.0/16") || !strings.Contains(got, "192.168.5.10") {
		t.Errorf("hardcodedip.allow = %q after a list setting", got)
	}
	if _, err := build(t, map[string]any{"hardcodedip-allow": "172.20.0.0/16"}); err != nil {
		t.Fatal(err)
	}
	if got := allow(); !strings.Contains(got, "172.20.0.0/16") {
		t.Errorf("hardcodedip.allow = %q after a string setting", got)
	}
	// Every analyzer flag is reachable as NAME-flag, and accepts its own
	// current value (the mapping is generic, not a hand-kept list).
	for _, a := range registry.Analyzers() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			key := a.Name + "-" + f.Name
			if _, err := build(t, map[string]any{key: f.Value.String()}); err != nil {
				t.Errorf("setting %s to its default %q: %v", key, f.Value.String(), err)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	restoreFlags(t)
	for _, tc := range []struct {
		conf any
		want []string // all in the error
	}{
		{map[string]any{"nosuch": true}, []string{`unknown setting "nosuch"`, "disable", "hardcodedip-allow"}},
		{map[string]any{"hardcodedip.allow": "10.0.0.0/8"}, []string{`unknown setting "hardcodedip.allow"`}},
		{map[string]any{"disable": []any{"nosuch"}}, []string{`unknown analyzer "nosuch"`, "hardcodedip"}},
		{map[string]any{"disable": 3}, []string{`setting "disable"`, "list of strings"}},
		{map[string]any{"hardcodedip-allow": []any{"10.0.0.0/99"}}, []string{`setting "hardcodedip-allow"`, `"10.0.0.0/99"`}},
		{map[string]any{"hardcodedip-allow": map[string]any{"a": 1}}, []string{`setting "hardcodedip-allow"`, "invalid value"}},
		{map[string]any{"disable": names(registry.Analyzers())}, []string{"every analyzer is disabled"}},
		{[]any{"not", "a", "map"}, []string{"settings"}},
	} {
		_, err := build(t, tc.conf)
		if err == nil {
			t.Errorf("%v: no error", tc.conf)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%v: error %q lacks %q", tc.conf, err, w)
			}
		}
	}
}
