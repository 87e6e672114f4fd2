// Command golangci-lint is golangci-lint v2 with meshlint's module plugin
// compiled in: what `golangci-lint custom` builds from .custom-gcl.yml,
// made without cloning golangci-lint from GitHub.
//
// Equivalence, verified against golangci-lint v2.15.0
// pkg/commands/internal/builder.go and imports.go: the builder clones the
// golangci-lint repository at the configured version, overwrites
// cmd/golangci-lint/plugins.go with one blank import per plugin
// (`import _ "<plugin import path>"`), adds `go mod edit -replace` for
// plugins given by path, runs `go mod tidy` and `go build ./cmd/golangci-lint`
// with -X main.version/main.date. Here the golangci-lint module is required
// at the same version instead of cloned, main is cmd/golangci-lint/main.go's
// entry point (commands.Execute with a BuildInfo), and the plugin import is
// the same blank import. cmd/meshlint/integrations_test.go copies this
// module, points the replace at the repository and builds it.
package main

import (
	"fmt"
	"os"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/meshlint/meshlint/plugin/golangci"
)

func main() {
	info := commands.BuildInfo{
		Version:   "2.15.0-custom-meshlint",
		Commit:    "(meshlint e2e build)",
		Date:      "(unknown)",
		GoVersion: "(unknown)",
	}
	if err := commands.Execute(info); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
