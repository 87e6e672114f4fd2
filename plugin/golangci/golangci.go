// Package golangci is meshlint's golangci-lint v2 module plugin. It
// registers one linter, "meshlint", that runs every analyzer of the
// registry (as one golangci-lint linter: issues show "(meshlint)" and
// //nolint:meshlint silences them; //meshlint:ignore works as everywhere).
//
// Build a custom golangci-lint with it (.custom-gcl.yml):
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/meshlint/meshlint
//	    import: github.com/meshlint/meshlint/plugin/golangci
//	    version: latest
//
// and enable it in .golangci.yml:
//
//	linters:
//	  enable: [meshlint]
//	  settings:
//	    custom:
//	      meshlint:
//	        type: module
//	        settings:
//	          disable: [loopbacklisten]
//	          hardcodedip-allow: [10.20.0.0/16]
//	          defaulttransport-implicit: true
//	          healthauth-paths: [healthz, readyz]
//
// Settings: "disable" lists analyzers not to run; every analyzer flag
// NAME.flag (the -NAME.flag of the meshlint command) is the setting
// "NAME-flag", with the same values (a list is joined with commas). An
// unknown setting, an unknown analyzer name or a bad value is an error.
//
// The analyzers' flags are package-level variables, so settings apply to
// the whole golangci-lint process (there is one meshlint configuration per
// run, as with the meshlint command).
package golangci

import (
	"flag"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/meshlint/meshlint/internal/registry"
)

func init() {
	register.Plugin("meshlint", New)
}

// Settings is the decoded "settings" block of the plugin.
type Settings struct {
	// Disable names analyzers not to run.
	Disable []string
	// Flags maps an analyzer flag ("hardcodedip.allow") to its value.
	Flags map[string]string
}

// Plugin is the meshlint linter plugin.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes conf (the plugin's settings from .golangci.yml), applies the
// analyzer flags and returns the plugin.
func New(conf any) (register.LinterPlugin, error) {
	all := registry.Analyzers()
	s, err := decode(conf, all)
	if err != nil {
		return nil, err
	}
	byName := make(map[string]*analysis.Analyzer)
	for _, a := range all {
		byName[a.Name] = a
	}
	for _, key := range sortedKeys(s.Flags) {
		name, fl, _ := strings.Cut(key, ".")
		if err := byName[name].Flags.Set(fl, s.Flags[key]); err != nil {
			return nil, fmt.Errorf("meshlint: setting %q: invalid value %q: %v", name+"-"+fl, s.Flags[key], err)
		}
	}
	var enabled []*analysis.Analyzer
	for _, a := range all {
		if !slices.Contains(s.Disable, a.Name) {
			enabled = append(enabled, a)
		}
	}
	if len(enabled) == 0 {
		return nil, fmt.Errorf("meshlint: every analyzer is disabled")
	}
	return &Plugin{analyzers: enabled}, nil
}

// BuildAnalyzers returns the enabled analyzers.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode returns register.LoadModeTypesInfo: the analyzers need types.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// decode turns the raw settings into Settings, strictly: unknown keys,
// unknown analyzer names and values of the wrong shape are errors.
func decode(conf any, all []*analysis.Analyzer) (Settings, error) {
	raw, err := register.DecodeSettings[map[string]any](conf)
	if err != nil {
		return Settings{}, fmt.Errorf("meshlint: settings: %v", err)
	}
	known := map[string]string{"disable": ""} // setting -> "NAME.flag"
	var names []string
	for _, a := range all {
		names = append(names, a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) {
			known[a.Name+"-"+f.Name] = a.Name + "." + f.Name
		})
	}
	s := Settings{Flags: make(map[string]string)}
	for _, key := range sortedKeys(raw) {
		v := raw[key]
		// golangci-lint reads its configuration with viper, which lower-cases keys.
		target, ok := known[strings.ToLower(key)]
		if !ok {
			return Settings{}, fmt.Errorf("meshlint: unknown setting %q (known: %s)", key, strings.Join(sortedKeys(known), ", "))
		}
		if target == "" { // disable
			list, err := stringList(v)
			if err != nil {
				return Settings{}, fmt.Errorf("meshlint: setting %q: %v", key, err)
			}
			for _, n := range list {
				if !slices.Contains(names, n) {
					return Settings{}, fmt.Errorf("meshlint: setting %q: unknown analyzer %q (known: %s)", key, n, strings.Join(names, ", "))
				}
			}
			s.Disable = append(s.Disable, list...)
			continue
		}
		value, err := flagValue(v)
		if err != nil {
			return Settings{}, fmt.Errorf("meshlint: setting %q: %v", key, err)
		}
		s.Flags[target] = value
	}
	return s, nil
}

// stringList accepts a list of strings or one comma-separated string.
func stringList(v any) ([]string, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		var out []string
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out, nil
	case []any:
		var out []string
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("want a list of strings, got %v (%T)", e, e)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("want a list of strings, got %v (%T)", v, v)
}

// flagValue renders a setting's value as a flag value: scalars as text,
// lists joined with commas.
func flagValue(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case bool:
		return strconv.FormatBool(v), nil
	case float64: // encoding/json's number
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	case []any:
		parts := make([]string, 0, len(v))
		for _, e := range v {
			if _, isList := e.([]any); isList {
				return "", fmt.Errorf("invalid value %v: nested lists are not supported", v)
			}
			if _, isMap := e.(map[string]any); isMap {
				return "", fmt.Errorf("invalid value %v: want a list of scalars", v)
			}
			s, err := flagValue(e)
			if err != nil {
				return "", err
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, ","), nil
	}
	return "", fmt.Errorf("invalid value %v (%T): want a string, number, boolean or list", v, v)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
