package lint

import (
	"bytes"
	"fmt"
	"go/format"
	"go/token"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis"
)

// FixIsClean reports whether applying edits (all in one file) to that file
// leaves it gofmt-clean. A file that was not gofmt-clean before does not
// count against the fix. Suggested fixes must produce gofmt-clean code
// (README "What a user sees"), and a fix that changes the length of a line
// can break gofmt's alignment of trailing comments on the lines around it:
// analyzers drop such a fix rather than guess the realignment.
func (p *Pass) FixIsClean(edits []analysis.TextEdit) bool {
	if len(edits) == 0 {
		return true
	}
	tf := p.Fset.File(edits[0].Pos)
	if tf == nil {
		return false
	}
	src, err := p.ReadFile(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return false
	}
	fixed, ok := ApplyEdits(tf, src, edits)
	if !ok {
		return false
	}
	clean, ok := p.gofmtClean.Load(tf)
	if !ok {
		orig, err := format.Source(src)
		clean = err == nil && bytes.Equal(orig, src)
		p.gofmtClean.Store(tf, clean)
	}
	if !clean.(bool) {
		return true // not ours to judge: the file was not gofmt-clean to begin with
	}
	out, err := format.Source(fixed)
	return err == nil && bytes.Equal(out, fixed)
}

// ApplyEdits applies edits, all in file tf, to src (tf's contents). It
// returns false when an edit lies outside tf or edits overlap.
func ApplyEdits(tf *token.File, src []byte, edits []analysis.TextEdit) ([]byte, bool) {
	base, size := tf.Base(), tf.Size()
	list := make([]Edit, 0, len(edits))
	for _, e := range edits {
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		s, t := int(e.Pos)-base, int(end)-base
		if s < 0 || t > size {
			return nil, false
		}
		list = append(list, Edit{Start: s, End: t, Text: e.NewText})
	}
	out, err := Apply(src, list)
	return out, err == nil
}

// An Edit replaces the bytes [Start, End) of a file with Text.
type Edit struct {
	Start, End int
	Text       []byte
}

// Apply applies edits to src: the one implementation of text edits, used
// by fix checks, the driver's -fix and the fix tests. Identical edits
// (the same fix reached twice, e.g. from a package and its test variant)
// count once; overlapping ones and edits outside src are an error.
func Apply(src []byte, edits []Edit) ([]byte, error) {
	list := slices.Clone(edits)
	sort.SliceStable(list, func(i, j int) bool { return list[i].Start < list[j].Start })
	var out bytes.Buffer
	last := 0
	for i, e := range list {
		if i > 0 && e.Start == list[i-1].Start && e.End == list[i-1].End && bytes.Equal(e.Text, list[i-1].Text) {
			continue
		}
		if e.Start < last || e.Start > e.End || e.End > len(src) {
			return nil, fmt.Errorf("invalid or overlapping edit [%d,%d)", e.Start, e.End)
		}
		out.Write(src[last:e.Start])
		out.Write(e.Text)
		last = e.End
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}
