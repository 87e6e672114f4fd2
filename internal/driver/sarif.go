package driver

// SARIF 2.1.0 output (-sarif=FILE) for GitHub code scanning and other
// SARIF consumers. A small typed writer: the subset of the format meshlint
// fills in, checked against the official schema by sarif_test.go.

import (
	"bytes"
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/meshlint/meshlint/internal/lint"
)

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	srcRoot      = "%SRCROOT%"
	infoURI      = "https://github.com/meshlint/meshlint"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult               `json:"results"`
	ColumnKind         string                      `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	FullDescription      sarifMessage `json:"fullDescription"`
	Help                 sarifMessage `json:"help"`
	HelpURI              string       `json:"helpUri,omitempty"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    int                `json:"ruleIndex"`
	Level        string             `json:"level"`
	Message      sarifMessage       `json:"message"`
	Locations    []sarifLocation    `json:"locations"`
	Fixes        []sarifFix         `json:"fixes,omitempty"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion  `json:"deletedRegion"`
	InsertedContent sarifMessage `json:"insertedContent"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

// splitSuppressed removes the suppressed findings (reported only under
// lint.ReportSuppressed) from the graph's root actions, so that text, JSON
// and the exit code never see them, and returns them.
func splitSuppressed(graph *checker.Graph) []finding {
	type key struct {
		analyzer, msg string
		posn          token.Position
	}
	seen := make(map[key]bool) // a package and its test variant share files
	var out []finding
	for _, act := range graph.Roots {
		kept := act.Diagnostics[:0]
		for _, d := range act.Diagnostics {
			if !strings.HasPrefix(d.Category, lint.SuppressedCategory) {
				kept = append(kept, d)
				continue
			}
			f := finding{Analyzer: act.Analyzer.Name, Posn: act.Package.Fset.Position(d.Pos), Diag: d, Fset: act.Package.Fset}
			k := key{f.Analyzer, d.Message, f.Posn}
			if seen[k] {
				continue
			}
			seen[k] = true
			if d.End.IsValid() {
				f.End = act.Package.Fset.Position(d.End)
			}
			out = append(out, f)
		}
		act.Diagnostics = kept
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Posn, out[j].Posn
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return out
}

// writeSARIF writes findings and suppressed findings to name as one SARIF
// run. File URIs are relative to the working directory (%SRCROOT%) when
// below it, absolute file: URIs otherwise.
func (p *Program) writeSARIF(name string, findings, suppressed []finding) error {
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	w := &sarifWriter{wd: wd, lines: make(map[string][]string)}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           p.Name,
			Version:        Version(),
			InformationURI: infoURI,
			Rules:          []sarifRule{},
		}},
		OriginalURIBaseIDs: map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(wd) + "/"}},
		Results:            []sarifResult{},
		ColumnKind:         "utf16CodeUnits",
	}
	index := make(map[string]int)
	for i, a := range p.Analyzers {
		index[a.Name] = i
		title, _, _ := strings.Cut(strings.TrimSpace(a.Doc), "\n")
		r := sarifRule{
			ID:               a.Name,
			Name:             a.Name,
			ShortDescription: sarifMessage{title},
			FullDescription:  sarifMessage{strings.TrimSpace(a.Doc)},
			Help:             sarifMessage{strings.TrimSpace(a.Doc)},
			HelpURI:          a.URL,
		}
		r.DefaultConfiguration.Level = "warning"
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, r)
	}
	add := func(f finding, suppressed bool) {
		res := sarifResult{
			RuleID:    f.Analyzer,
			RuleIndex: index[f.Analyzer],
			Level:     "warning",
			Message:   sarifMessage{f.Diag.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: w.artifact(f.Posn.Filename),
				Region:           w.region(f.Posn, f.End),
			}}},
		}
		for _, fix := range f.Diag.SuggestedFixes {
			if sf, ok := w.fix(f.Fset, fix); ok {
				res.Fixes = append(res.Fixes, sf)
			}
		}
		if suppressed {
			res.Suppressions = []sarifSuppression{{
				Kind:          "inSource",
				Justification: strings.TrimPrefix(f.Diag.Category, lint.SuppressedCategory),
			}}
		}
		run.Results = append(run.Results, res)
	}
	for _, f := range findings {
		add(f, false)
	}
	for _, f := range suppressed {
		add(f, true)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}); err != nil {
		return err
	}
	return os.WriteFile(name, buf.Bytes(), 0o644)
}

// sarifWriter converts Go positions (byte columns) to SARIF locations
// (UTF-16 columns, the SARIF default column kind).
type sarifWriter struct {
	wd    string
	lines map[string][]string // file contents by line, read on demand
}

func (w *sarifWriter) artifact(filename string) sarifArtifactLoc {
	if rel, err := filepath.Rel(w.wd, filename); err == nil && filepath.IsAbs(filename) && !strings.HasPrefix(rel, "..") {
		return sarifArtifactLoc{URI: uriPath(filepath.ToSlash(rel)), URIBaseID: srcRoot}
	}
	if filepath.IsAbs(filename) {
		return sarifArtifactLoc{URI: fileURI(filename)}
	}
	return sarifArtifactLoc{URI: uriPath(filepath.ToSlash(filename)), URIBaseID: srcRoot}
}

func (w *sarifWriter) region(start, end token.Position) *sarifRegion {
	if start.Line <= 0 {
		return nil
	}
	r := &sarifRegion{StartLine: start.Line}
	if start.Column > 0 {
		r.StartColumn = w.column(start)
	}
	if end.Line >= start.Line && end.Column > 0 && end.Filename == start.Filename {
		r.EndLine = end.Line
		r.EndColumn = w.column(end)
	}
	return r
}

// column converts a 1-based byte column to a 1-based UTF-16 column.
func (w *sarifWriter) column(p token.Position) int {
	lines, ok := w.lines[p.Filename]
	if !ok {
		if data, err := os.ReadFile(p.Filename); err == nil {
			lines = strings.Split(string(data), "\n")
		}
		w.lines[p.Filename] = lines
	}
	if p.Line > len(lines) {
		return p.Column
	}
	line := lines[p.Line-1]
	n := min(p.Column-1, len(line))
	col := 1
	for s := line[:n]; s != ""; {
		r, size := utf8.DecodeRuneInString(s) // an invalid byte is U+FFFD, one unit
		col += utf16.RuneLen(r)
		s = s[size:]
	}
	return col + (p.Column - 1 - n)
}

// fix converts a suggested fix to a SARIF fix; fixes whose edits have no
// file are dropped.
func (w *sarifWriter) fix(fset *token.FileSet, fix analysis.SuggestedFix) (sarifFix, bool) {
	sf := sarifFix{Description: sarifMessage{fix.Message}}
	byFile := make(map[string]int) // file -> index in ArtifactChanges
	for _, te := range fix.TextEdits {
		end := te.End
		if !end.IsValid() {
			end = te.Pos
		}
		start, stop := fset.Position(te.Pos), fset.Position(end)
		if start.Filename == "" || start.Filename != stop.Filename {
			return sarifFix{}, false
		}
		i, ok := byFile[start.Filename]
		if !ok {
			i = len(sf.ArtifactChanges)
			byFile[start.Filename] = i
			sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: w.artifact(start.Filename)})
		}
		sf.ArtifactChanges[i].Replacements = append(sf.ArtifactChanges[i].Replacements, sarifReplacement{
			DeletedRegion: sarifRegion{
				StartLine: start.Line, StartColumn: w.column(start),
				EndLine: stop.Line, EndColumn: w.column(stop),
			},
			InsertedContent: sarifMessage{string(te.NewText)},
		})
	}
	if len(sf.ArtifactChanges) == 0 {
		return sarifFix{}, false
	}
	if sf.Description.Text == "" {
		sf.Description.Text = "apply the suggested fix"
	}
	return sf, true
}

// fileURI returns the file: URI of an absolute path.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x -> /C:/x
	}
	return "file://" + uriPath(p)
}

// uriPath escapes a slash-separated path for use in a URI.
func uriPath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~/:@!$&'()*+,;=", c) >= 0 {
			b.WriteByte(c)
		} else {
			b.WriteString("%" + strings.ToUpper(hex2(c)))
		}
	}
	return b.String()
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}
