package healthauth_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

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
