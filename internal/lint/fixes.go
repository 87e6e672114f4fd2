package lint

import (
	"bytes"
	"go/format"
	"go/token"
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
	type off struct {
		start, end int
		text       []byte
	}
	base, size := tf.Base(), tf.Size()
	var list []off
	for _, e := range edits {
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		s, t := int(e.Pos)-base, int(end)-base
		if s < 0 || t < s || t > size || t > len(src) {
			return nil, false
		}
		list = append(list, off{s, t, e.NewText})
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].start < list[j].start })
	var out bytes.Buffer
	last := 0
	for _, e := range list {
		if e.start < last {
			return nil, false
		}
		out.Write(src[last:e.start])
		out.Write(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes(), true
}
