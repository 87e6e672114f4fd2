package driver

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"sort"
)

// An edit is one text replacement in one file, in byte offsets.
type edit struct {
	start, end int
	text       []byte
}

// applyFixes applies the first suggested fix of every finding that has one
// and returns the findings left unfixed. Fixes whose edits overlap an
// already accepted fix are skipped (their findings stay), edited files are
// gofmt-ed, and a file whose fixed text does not parse is left untouched.
func (p *Program) applyFixes(findings []finding) ([]finding, error) {
	type fileFix struct {
		edits []edit
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
		var edits []edit
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
			edits = append(edits, edit{tf.Offset(te.Pos), tf.Offset(end), te.NewText})
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
		out, err := apply(src, ff.edits)
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
func fits(accepted, edits []edit) bool {
	for _, e := range edits {
		for _, a := range accepted {
			if e.start == a.start && e.end == a.end && bytes.Equal(e.text, a.text) {
				continue
			}
			if e.start < a.end && a.start < e.end || (e.start == a.start && e.start == e.end && a.start == a.end) {
				return false
			}
		}
	}
	return true
}

// apply applies non-overlapping edits to src.
func apply(src []byte, edits []edit) ([]byte, error) {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var out bytes.Buffer
	last := 0
	for i, e := range edits {
		if i > 0 && e.start == edits[i-1].start && e.end == edits[i-1].end && bytes.Equal(e.text, edits[i-1].text) {
			continue
		}
		if e.start < last || e.end > len(src) || e.start > e.end {
			return nil, fmt.Errorf("invalid edit [%d,%d)", e.start, e.end)
		}
		out.Write(src[last:e.start])
		out.Write(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}
