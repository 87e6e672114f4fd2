package lint

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
	"testing"
)

func TestSingleResult(t *testing.T) {
	tp := newTestPackage(t, `package p

import (
	"net"
	"net/netip"
)

var pkgA, pkgB = two()

func two() (string, string) { return "", "" }

func f(addr string, x any, m map[string]bool) {
	host, port, err := net.SplitHostPort(addr)
	var ip, ipErr = netip.ParseAddr(host)
	tcp, isTCP := x.(*net.TCPAddr)
	_, inMap := m[host]
	again, err2 := two()
	again = "x"
	taken, err3 := two()
	_ = &taken
	single := host
	var declOnly, declOnly2 string
	declOnly, declOnly2 = two()
	pair1, pair2 := "a", "b"
	if cond, _ := two(); cond != "" {
	}
	for key, val := range m {
		_, _ = key, val
	}
	switch sw := x.(type) {
	case *net.TCPAddr:
		_ = sw
	case *net.UDPAddr:
		sw = nil
	}
	_ = []any{port, err, ip, ipErr, tcp, isTCP, inMap, again, err2, err3, single, declOnly, declOnly2, pair1, pair2}
}
`)
	tests := []struct {
		name  string
		want  string // source of the multi-valued expression; "" for none
		index int
	}{
		{"host", "net.SplitHostPort(addr)", 0},
		{"port", "net.SplitHostPort(addr)", 1},
		{"err", "net.SplitHostPort(addr)", 2},
		{"ip", "netip.ParseAddr(host)", 0},
		{"ipErr", "netip.ParseAddr(host)", 1},
		{"tcp", "x.(*net.TCPAddr)", 0},
		{"isTCP", "x.(*net.TCPAddr)", 1},
		{"inMap", "m[host]", 1},
		{"pkgA", "two()", 0},
		{"pkgB", "two()", 1},
		{"cond", "two()", 0},
		{"again", "", 0},     // assigned again
		{"err2", "two()", 1}, // its sibling's reassignment does not matter
		{"taken", "", 0},     // address taken
		{"single", "", 0},    // a single value: SingleValue's business
		{"declOnly", "", 0},  // assigned by a later statement, not declared by it
		{"pair1", "", 0},
		{"key", "", 0},
		{"addr", "", 0}, // parameter
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := tp.object(t, tt.name).(*types.Var)
			if !ok {
				t.Fatalf("%s is not a variable", tt.name)
			}
			e, i, ok := tp.SingleResult(v)
			if ok != (tt.want != "") {
				t.Fatalf("SingleResult(%s) ok = %v, want %v", tt.name, ok, tt.want != "")
			}
			if ok && (tp.source(e) != tt.want || i != tt.index) {
				t.Errorf("SingleResult(%s) = %s, %d; want %s, %d", tt.name, tp.source(e), i, tt.want, tt.index)
			}
		})
	}

	// The symbolic variable of a type switch: one object per clause.
	var clauses []*ast.CaseClause
	ast.Inspect(tp.files[0], func(n ast.Node) bool {
		if c, ok := n.(*ast.CaseClause); ok {
			clauses = append(clauses, c)
		}
		return true
	})
	if len(clauses) != 2 {
		t.Fatalf("%d case clauses, want 2", len(clauses))
	}
	for i, want := range []bool{true, false} { // the second clause assigns sw
		v, _ := tp.Info.Implicits[clauses[i]].(*types.Var)
		e, idx, ok := tp.SingleResult(v)
		if ok != want {
			t.Errorf("clause %d: SingleResult(sw) ok = %v, want %v", i, ok, want)
		}
		if ok && (tp.source(e) != "x.(type)" || idx != 0) {
			t.Errorf("clause %d: SingleResult(sw) = %s, %d", i, tp.source(e), idx)
		}
	}
	if _, _, ok := tp.SingleResult(nil); ok {
		t.Error("SingleResult(nil) ok")
	}
}

func TestDefinitions(t *testing.T) {
	tp := newTestPackage(t, `package p

import "net"

var pkgVar = "a"

func two() (string, string) { return "", "" }

func f(addr string, m map[string]int) {
	host := addr
	if h, _, err := net.SplitHostPort(addr); err == nil {
		host = h
	}
	var declared string
	declared, _ = two()
	var pair, pair2 = two()
	plus := "a"
	plus += "b"
	inc := 0
	inc++
	ranged := ""
	for ranged = range m {
	}
	taken := "a"
	_ = &taken
	inClosure := "a"
	func() { inClosure = "b" }()
	addr = "x"
	_ = []any{host, declared, pair, pair2, plus, inc, ranged, inClosure}
}
`)
	tests := []struct {
		name string
		want []string // "source/index"; nil for not ok
	}{
		{"host", []string{"addr/-1", "h/-1"}},
		{"declared", []string{"two()/0"}},
		{"pair2", []string{"two()/1"}},
		{"inClosure", []string{`"a"/-1`, `"b"/-1`}},
		{"plus", nil},
		{"inc", nil},
		{"ranged", nil},
		{"taken", nil},
		{"addr", nil},   // parameter
		{"pkgVar", nil}, // package level
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := tp.object(t, tt.name).(*types.Var)
			if !ok {
				t.Fatalf("%s is not a variable", tt.name)
			}
			defs, ok := tp.Definitions(v)
			if ok != (tt.want != nil) {
				t.Fatalf("Definitions(%s) ok = %v, want %v", tt.name, ok, tt.want != nil)
			}
			var got []string
			for _, d := range defs {
				got = append(got, fmt.Sprintf("%s/%d", tp.source(d.Rhs), d.Index))
			}
			if ok && strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("Definitions(%s) = %v, want %v", tt.name, got, tt.want)
			}
		})
	}
	if _, ok := tp.Definitions(nil); ok {
		t.Error("Definitions(nil) ok")
	}
}
