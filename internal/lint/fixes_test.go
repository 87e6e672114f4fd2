package lint

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestApplyEdits(t *testing.T) {
	src := []byte("package p\n\nvar x = f(a)\n")
	fset := token.NewFileSet()
	tf := fset.AddFile("p.go", -1, len(src))
	pos := func(off int) token.Pos { return tf.Pos(off) }
	tests := []struct {
		name  string
		edits []analysis.TextEdit
		want  string
		ok    bool
	}{
		{"none", nil, string(src), true},
		{"replace", []analysis.TextEdit{{Pos: pos(21), End: pos(22), NewText: []byte("ctx")}}, "package p\n\nvar x = f(ctx)\n", true},
		{"insert", []analysis.TextEdit{{Pos: pos(21), End: pos(21), NewText: []byte("ctx, ")}}, "package p\n\nvar x = f(ctx, a)\n", true},
		{"unordered", []analysis.TextEdit{
			{Pos: pos(21), End: pos(21), NewText: []byte("ctx, ")},
			{Pos: pos(19), End: pos(20), NewText: []byte("g")},
		}, "package p\n\nvar x = g(ctx, a)\n", true},
		{"overlap", []analysis.TextEdit{
			{Pos: pos(19), End: pos(22), NewText: nil},
			{Pos: pos(20), End: pos(21), NewText: nil},
		}, "", false},
		{"outside", []analysis.TextEdit{{Pos: pos(21), End: pos(21) + 100}}, "", false},
		{"identical twice", []analysis.TextEdit{
			{Pos: pos(21), End: pos(22), NewText: []byte("ctx")},
			{Pos: pos(21), End: pos(22), NewText: []byte("ctx")},
		}, "package p\n\nvar x = f(ctx)\n", true},
		{"same place, other text", []analysis.TextEdit{
			{Pos: pos(21), End: pos(22), NewText: []byte("ctx")},
			{Pos: pos(21), End: pos(22), NewText: []byte("r")},
		}, "", false},
	}
	for _, tt := range tests {
		got, ok := ApplyEdits(tf, src, tt.edits)
		if ok != tt.ok || (ok && string(got) != tt.want) {
			t.Errorf("%s: got %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}
