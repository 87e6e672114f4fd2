package driver

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"sort"

	"github.com/meshlint/meshlint/internal/lint"
)

// applyFixes applies the first suggested fix of every finding that has one
// and returns the findings left unfixed. Fixes whose edits overlap an
// already accepted fix are skipped (their findings stay), edited files are
// gofmt-ed, and a file whose fixed text does not parse is left untouched.
func (p *Program) applyFixes(findings []finding) ([]finding, error) {
	type fileFix struct {
		edits []lint.Edit
		count int
	}
	files := make(map[string]*fileFix)
	var names []string
	var remaining []finding
	for _, f := range findings {
		if len(f.Diag.SuggestedFixes) == 0 {
			remaining = append(remaining, f)
			continue
		}
		var edits []lint.Edit
		var name string
		ok := true
		for _, te := range f.Diag.SuggestedFixes[0].TextEdits {
			tf := f.Fset.File(te.Pos)
			end := te.End
			if !end.IsValid() {
				end = te.Pos
			}
			if tf == nil || (name != "" && tf.Name() != name) {
				ok = false // fixes spanning files are not applied
				break
			}
			name = tf.Name()
			edits = append(edits, lint.Edit{Start: tf.Offset(te.Pos), End: tf.Offset(end), Text: te.NewText})
		}
		if !ok || name == "" {
			remaining = append(remaining, f)
			continue
		}
		ff := files[name]
		if ff == nil {
			ff = &fileFix{}
			files[name] = ff
			names = append(names, name)
		}
		if !fits(ff.edits, edits) {
			remaining = append(remaining, f)
			continue
		}
		ff.edits = append(ff.edits, edits...)
		ff.count++
	}
	sort.Strings(names)
	applied, changed := 0, 0
	for _, name := range names {
		ff := files[name]
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out, err := lint.Apply(src, ff.edits)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", relPath(name), err)
		}
		formatted, err := format.Source(out)
		if err != nil {
			fmt.Fprintf(p.Stderr, "%s: %s: fixed file does not parse, left unchanged: %v\n", p.Name, relPath(name), err)
			continue
		}
		if bytes.Equal(formatted, src) {
			continue
		}
		info, err := os.Stat(name)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(name, formatted, info.Mode().Perm()); err != nil {
			return nil, err
		}
		applied += ff.count
		changed++
	}
	fmt.Fprintf(p.Stderr, "%s: applied %d fixes in %d files\n", p.Name, applied, changed)
	return remaining, nil
}

// fits reports whether the new edits overlap none of the accepted ones.
// Identical edits (the same fix reached twice) fit.
func fits(accepted, edits []lint.Edit) bool {
	for _, e := range edits {
		for _, a := range accepted {
			if e.Start == a.Start && e.End == a.End && bytes.Equal(e.Text, a.Text) {
				continue
			}
			if e.Start < a.End && a.Start < e.End || (e.Start == a.Start && e.Start == e.End && a.Start == a.End) {
				return false
			}
		}
	}
	return true
}
