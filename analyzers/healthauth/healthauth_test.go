package healthauth_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/meshlint/meshlint/analyzers/healthauth"
	"github.com/meshlint/meshlint/internal/fixtures"
)

func TestHealthAuth(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), healthauth.Analyzer, "./healthauth/...")
}

func TestPathsFlag(t *testing.T) {
	dir := fixtures.Dir(t)
	if err := healthauth.Analyzer.Flags.Set("paths", "status,alive"); err != nil {
		t.Fatal(err)
	}
	defer healthauth.Analyzer.Flags.Set("paths", "health,healthz,healthy,live,livez,liveness,ready,readyz,readiness,ping")
	analysistest.Run(t, dir, healthauth.Analyzer, "./healthauthpaths")
}

func TestPathsFlagRejectsEmptyItems(t *testing.T) {
	for _, bad := range []string{"", "a,,b", "healthz,", " , ", "/healthz", "a b"} {
		if err := healthauth.Analyzer.Flags.Set("paths", bad); err == nil {
			t.Errorf("-paths=%q: no error", bad)
		}
	}
	if got := healthauth.Analyzer.Flags.Lookup("paths").Value.String(); got != "health,healthz,healthy,live,livez,liveness,ready,readyz,readiness,ping" {
		t.Errorf("list changed by rejected values: %s", got)
	}
}
