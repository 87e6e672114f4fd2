package lint

import (
	"go/ast"
	"go/types"
	"strings"
	"testing"
)

func TestReachingDefs(t *testing.T) {
	tests := []struct {
		name, body string
		want       string // the definitions, "a,b:0" for index 0 of b; "!" for no answer
	}{
		{"declaration", `x := a; use(/*U*/x)`, "a"},
		{"last before", `x := a; x = b; use(/*U*/x)`, "b"},
		{"conditional after", `x := a; if cond { x = b }; use(/*U*/x)`, "a,b"},
		{"only conditional", `var x int; if cond { x = b }; _ = x; use2(p); y := p; if cond { y = b }; use(/*U*/y)`, "p,b"},
		{"parameter", `use(/*U*/p)`, "!"},
		{"parameter reassigned", `p, _ = two(); use(/*U*/p)`, "two():0"},
		{"parameter reassigned in a branch", `if cond { p = a }; use(/*U*/p)`, "!"},
		{"zero value", `var x int; use(/*U*/x)`, "nil"},
		{"statement holding the use", `x := a; x = x + 1; use(/*U*/x)`, "x + 1"},
		{"after the use", `x := a; use(/*U*/x); x = b`, "a"},
		{"closure", `x := a; f := func() { x = b }; f(); use(/*U*/x)`, "!"},
		{"use in closure", `x := a; func() { use(/*U*/x) }()`, "a"},
		{"op-assign", `x := a; x += b; use(/*U*/x)`, "!"},
		{"if init", `if x := a; cond { use(/*U*/x) }`, "a"},
		{"address taken", `x := a; _ = &x; use(/*U*/x)`, "!"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "package p\n\nvar a, b int\nvar cond bool\n\nfunc use(int)  {}\nfunc use2(int) {}\nfunc two() (int, error) { return 0, nil }\n\nfunc f(p int) {\n\t" + tt.body + "\n}\n"
			tp := newTestPackage(t, src)
			id, ok := tp.expr(t, "U").(*ast.Ident)
			if !ok {
				t.Fatal("no identifier after /*U*/")
			}
			root := tp.Inspector().Root()
			var fn = root
			for c := range root.Preorder((*ast.FuncDecl)(nil)) {
				if c.Node().(*ast.FuncDecl).Name.Name == "f" {
					fn = c
				}
			}
			defs, ok := tp.ReachingDefs(fn, id)
			got := "!"
			if ok {
				var parts []string
				for _, d := range defs {
					s := "nil"
					if d.Rhs != nil {
						s = types.ExprString(d.Rhs)
					}
					if d.Index >= 0 {
						s += ":" + string(rune('0'+d.Index))
					}
					parts = append(parts, s)
				}
				got = strings.Join(parts, ",")
			}
			if got != tt.want {
				t.Errorf("ReachingDefs = %s, want %s\n%s", got, tt.want, tt.body)
			}
		})
	}
}
