package lint

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// The importer is shared by all tests: it caches the standard library
// packages it has loaded. go/types importers are not safe for concurrent
// use, hence the lock.
var (
	testImporterMu sync.Mutex
	testFset       = token.NewFileSet()
	testImporter   = importer.ForCompiler(testFset, "gc", nil)
)

type lockedImporter struct{}

func (lockedImporter) Import(path string) (*types.Package, error) {
	testImporterMu.Lock()
	defer testImporterMu.Unlock()
	return testImporter.Import(path)
}

// testPackage is a type-checked package built from source the way the
// analysis driver builds one, with its *Package made by runCore.
type testPackage struct {
	*Package
	pass  *analysis.Pass
	files []*ast.File
	src   map[string]string // file name -> source
}

// newTestPackage type-checks src (one file, "p.go") and returns its
// *Package. Type errors fail the test.
func newTestPackage(t testing.TB, src string) *testPackage {
	t.Helper()
	return newTestPackageFiles(t, false, map[string]string{"p.go": src})
}

// newTestPackageFiles type-checks the files (name -> source). With
// allowErrors, type errors are tolerated, as under RunDespiteErrors.
func newTestPackageFiles(t testing.TB, allowErrors bool, files map[string]string) *testPackage {
	t.Helper()
	testImporterMu.Lock()
	var parsed []*ast.File
	var names []string
	for name := range files {
		names = append(names, name)
	}
	// Deterministic file order.
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			if names[j] < names[i] {
				names[i], names[j] = names[j], names[i]
			}
		}
	}
	var parseErr error
	for _, name := range names {
		f, err := parser.ParseFile(testFset, name, files[name], parser.ParseComments|parser.SkipObjectResolution)
		if err != nil && parseErr == nil {
			parseErr = err
		}
		if f != nil {
			parsed = append(parsed, f)
		}
	}
	testImporterMu.Unlock()
	if parseErr != nil && !allowErrors {
		t.Fatalf("parse: %v", parseErr)
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		FileVersions: make(map[*ast.File]string),
	}
	var typeErrs []error
	conf := types.Config{
		Importer: lockedImporter{},
		Error:    func(err error) { typeErrs = append(typeErrs, err) },
	}
	pkg, _ := conf.Check("example.com/p", testFset, parsed, info)
	if len(typeErrs) > 0 && !allowErrors {
		t.Fatalf("type errors: %v", typeErrs)
	}
	pass := &analysis.Pass{
		Analyzer:  &analysis.Analyzer{Name: "testrule"},
		Fset:      testFset,
		Files:     parsed,
		Pkg:       pkg,
		TypesInfo: info,
		ResultOf:  map[*analysis.Analyzer]any{inspect.Analyzer: inspector.New(parsed)},
	}
	res := runCore(pass)
	pass.ResultOf[Analyzer] = &core{pkg: res}
	return &testPackage{Package: res, pass: pass, files: parsed, src: files}
}

// expr returns the expression that the comment /*NAME*/ directly precedes
// (the innermost expression starting right after it).
func (tp *testPackage) expr(t testing.TB, name string) ast.Expr {
	t.Helper()
	marker := "/*" + name + "*/"
	for _, f := range tp.files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if c.Text != marker {
					continue
				}
				var found ast.Expr
				ast.Inspect(f, func(n ast.Node) bool {
					if e, ok := n.(ast.Expr); ok && e.Pos() == c.End() && found == nil {
						found = e // outermost first: keep it
					}
					return true
				})
				if found == nil {
					// A space between the marker and the expression.
					ast.Inspect(f, func(n ast.Node) bool {
						if e, ok := n.(ast.Expr); ok && e.Pos() > c.End() && found == nil {
							found = e
						}
						return true
					})
				}
				if found == nil {
					t.Fatalf("no expression after %s", marker)
				}
				return found
			}
		}
	}
	t.Fatalf("marker %s not found", marker)
	return nil
}

// object returns the object declared with the given name anywhere in the
// package (the first declaration in source order).
func (tp *testPackage) object(t testing.TB, name string) types.Object {
	t.Helper()
	var found types.Object
	for _, f := range tp.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == name && found == nil {
				if obj := tp.Info.Defs[id]; obj != nil {
					found = obj
				}
			}
			return found == nil
		})
	}
	if found == nil {
		t.Fatalf("no declaration of %s", name)
	}
	return found
}

// knownSrc is the package most StringOf cases are evaluated in. Each case
// marks the expression to evaluate with /*name*/.
const knownSrc = `package p

import (
	"flag"
	"fmt"
	"net"
	str "strconv"
	"os"
	"time"
)

const host = "10.0.0.5"
const port = 8080
const addr = host + ":8080"

type Addr string
type Port int
type Named string

func (n Named) String() string { return "named" }

var pkgOnce = "10.0.0.6:80"
var pkgTwice = "10.0.0.7:80"
var pkgInit = "10.0.0.8:80"
var pkgDeclOnly string
var pkgAddr = "10.0.0.9:80"
var pkgFlag = flag.String("addr", "", "")
var chainA = chainB
var chainB = chainC
var chainC = "10.1.1.1:1"

func init() {
	pkgInit = os.Getenv("X")
	pkgDeclOnly = "10.0.0.10:80"
	_ = &pkgAddr
}

func set() { pkgTwice = "10.0.0.11:80" }

func f(param string, n int, cfg struct{ Port int; Host string }) {
	local := "10.0.0.20:80"
	twice := "10.0.0.21:80"
	twice = "10.0.0.22:80"
	var declOnce string
	declOnce = "10.0.0.23:80"
	ptr := "10.0.0.24:80"
	_ = &ptr
	fromEnv := os.Getenv("ADDR")
	closure := "10.0.0.25:80"
	func() { closure = "x" }()
	inner := "10.0.0.26"
	outer := inner + ":80"
	a, b := "10.0.0.27", "81"
	c, err := net.ResolveTCPAddr("tcp", "x")
	_, _ = c, err
	s := ""
	s += "10.0.0.28:80"
	var named Addr = "10.0.0.29:80"
	p := "9090"
	portStr := str.Itoa(n)
	bs := []byte("10.0.0.30:80")

	use(/*lit*/ "10.0.0.5:80")
	use(/*const*/ addr)
	use(/*constexpr*/ host + ":" + "80")
	use(/*paren*/ ("10.0.0.5" + (":80")))
	use(/*local*/ local)
	use(/*twice*/ twice)
	use(/*declOnce*/ declOnce)
	use(/*ptr*/ ptr)
	use(/*env*/ fromEnv)
	use(/*envCall*/ os.Getenv("ADDR"))
	use(/*closure*/ closure)
	use(/*outer*/ outer)
	use(/*tupleA*/ a + ":" + b)
	use(/*param*/ param)
	use(/*paramConcat*/ "10.0.0.5:" + param)
	use(/*concatUnknownFirst*/ param + ":80")
	use(/*concatChain*/ "http://" + host + ":" + p + "/users/" + param + "/x")
	use(/*opAssign*/ s)
	use(/*named*/ named)
	use(/*conv*/ string(named))
	use(/*convAddr*/ Addr(local))
	use(/*convBytes*/ string(bs))
	use(/*pkgOnce*/ pkgOnce)
	use(/*pkgTwice*/ pkgTwice)
	use(/*pkgInit*/ pkgInit)
	use(/*pkgDeclOnly*/ pkgDeclOnly)
	use(/*pkgAddr*/ pkgAddr)
	use(/*pkgFlag*/ *pkgFlag)
	use(/*chain*/ chainA)
	use(/*field*/ cfg.Host)
	use(/*itoa*/ portStr)

	use(/*sprintfS*/ fmt.Sprintf("%s:%d", host, port))
	use(/*sprintfV*/ fmt.Sprintf("%v:%v", local, 80))
	use(/*sprintfQ*/ fmt.Sprintf("%q", host))
	use(/*sprintfX*/ fmt.Sprintf("%x|%X", "ab", 255))
	use(/*sprintfWidth*/ fmt.Sprintf("[%5d|%-4s|%05d|%.2f|%t]", 42, "ab", 7, 1.5, true))
	use(/*sprintfPercent*/ fmt.Sprintf("100%% %s", "sure"))
	use(/*sprintfUnknownPort*/ fmt.Sprintf("http://10.0.0.5:%d/users/%s", cfg.Port, param))
	use(/*sprintfLocalhost*/ fmt.Sprintf("localhost:%d", cfg.Port))
	use(/*sprintfEmptyHost*/ fmt.Sprintf(":%d", cfg.Port))
	use(/*sprintfIndexed*/ fmt.Sprintf("%s:%[1]s", host))
	use(/*sprintfIndexedFirst*/ fmt.Sprintf("%[1]s:80", host))
	use(/*sprintfStar*/ fmt.Sprintf("a%*d", 3, 4))
	use(/*sprintfTooFew*/ fmt.Sprintf("%s:%d", host))
	use(/*sprintfExtra*/ fmt.Sprintf("%s", host, port))
	use(/*sprintfNoVerbExtra*/ fmt.Sprintf("10.0.0.5:80", port))
	use(/*sprintfTrailingPercent*/ fmt.Sprintf("abc%"))
	use(/*sprintfUnknownFormat*/ fmt.Sprintf(param, host))
	use(/*sprintfNoArgs*/ fmt.Sprintf("10.0.0.5:80"))
	use(/*sprintfDuration*/ fmt.Sprintf("t=%v", time.Second))
	use(/*sprintfDurationD*/ fmt.Sprintf("t=%d", time.Second))
	use(/*sprintfStringer*/ fmt.Sprintf("%s", Named("x")))
	use(/*sprintfNamedNoMethods*/ fmt.Sprintf("%s:%d", Addr("10.0.0.5"), Port(80)))
	use(/*sprintfT*/ fmt.Sprintf("%T", 1))
	use(/*sprintfFloat32*/ fmt.Sprintf("%v", float32(0.1)))
	use(/*sprintfEllipsis*/ fmt.Sprintf("%s", []any{"a"}...))
	use(/*sprintfNested*/ fmt.Sprintf("%s:%s", fmt.Sprintf("%s", host), p))
	use(/*sprintfUTF8Verb*/ fmt.Sprintf("a%é", 1))
	use(/*sprintfBadVerb*/ fmt.Sprintf("a%z", 1))
	use(/*sprintfWrongVerb*/ fmt.Sprintf("a%s", 5))
	use(/*sprintfWrongVerbNamed*/ fmt.Sprintf("a%d", Addr("x")))
	use(/*sprintfTypedInts*/ fmt.Sprintf("%v|%d|%c|%x", uint8(200), int64(-1), 'a', uint64(1<<63)))

	use(/*join*/ net.JoinHostPort(host, "8080"))
	use(/*joinV6*/ net.JoinHostPort("::1", "8080"))
	use(/*joinUnknownPort*/ net.JoinHostPort("10.0.0.5", portStr))
	use(/*joinUnknownHost*/ net.JoinHostPort(param, "8080"))
	use(/*joinLocals*/ net.JoinHostPort(inner, p))

	use(/*nonString*/ 42)
	use(/*call*/ get())
}

func get() string { return "10.0.0.5:80" }

func use(any) {}
`

func TestStringOf(t *testing.T) {
	tp := newTestPackage(t, knownSrc)
	tests := []struct {
		marker string
		want   Str
	}{
		{"lit", known("10.0.0.5:80")},
		{"const", known("10.0.0.5:8080")},
		{"constexpr", known("10.0.0.5:80")},
		{"paren", known("10.0.0.5:80")},
		{"local", known("10.0.0.20:80")},
		{"twice", Str{}},
		{"declOnce", known("10.0.0.23:80")},
		{"ptr", Str{}},
		{"env", Str{}},
		{"envCall", Str{}},
		{"closure", Str{}},
		{"outer", known("10.0.0.26:80")},
		{"tupleA", known("10.0.0.27:81")},
		{"param", Str{}},
		{"paramConcat", partial("10.0.0.5:")},
		{"concatUnknownFirst", Str{}},
		{"concatChain", partial("http://10.0.0.5:9090/users/")},
		{"opAssign", Str{}},
		{"named", known("10.0.0.29:80")},
		{"conv", known("10.0.0.29:80")},
		{"convAddr", known("10.0.0.20:80")},
		{"convBytes", Str{}},
		{"pkgOnce", known("10.0.0.6:80")},
		{"pkgTwice", Str{}},
		{"pkgInit", Str{}},
		{"pkgDeclOnly", Str{}},
		{"pkgAddr", Str{}},
		{"pkgFlag", Str{}},
		{"chain", known("10.1.1.1:1")},
		{"field", Str{}},
		{"itoa", Str{}},

		{"sprintfS", known("10.0.0.5:8080")},
		{"sprintfV", known("10.0.0.20:80:80")},
		{"sprintfQ", known(`"10.0.0.5"`)},
		{"sprintfX", known("6162|FF")},
		{"sprintfWidth", known("[   42|ab  |00007|1.50|true]")},
		{"sprintfPercent", known("100% sure")},
		{"sprintfUnknownPort", partial("http://10.0.0.5:")},
		{"sprintfLocalhost", partial("localhost:")},
		{"sprintfEmptyHost", partial(":")},
		{"sprintfIndexed", partial("10.0.0.5:")},
		{"sprintfIndexedFirst", Str{}},
		{"sprintfStar", partial("a")},
		{"sprintfTooFew", partial("10.0.0.5:")},
		{"sprintfExtra", partial("10.0.0.5")},
		{"sprintfNoVerbExtra", partial("10.0.0.5:80")},
		{"sprintfTrailingPercent", partial("abc")},
		{"sprintfUnknownFormat", Str{}},
		{"sprintfNoArgs", known("10.0.0.5:80")},
		{"sprintfDuration", partial("t=")},
		{"sprintfDurationD", partial("t=")},
		{"sprintfStringer", Str{}},
		{"sprintfNamedNoMethods", known("10.0.0.5:80")},
		{"sprintfT", Str{}},
		{"sprintfFloat32", known("0.1")},
		{"sprintfEllipsis", Str{}},
		{"sprintfNested", known("10.0.0.5:9090")},
		{"sprintfUTF8Verb", partial("a")},
		{"sprintfBadVerb", partial("a")},
		{"sprintfWrongVerb", known("a%!s(int=5)")},
		{"sprintfWrongVerbNamed", partial("a")},
		{"sprintfTypedInts", known("200|-1|a|8000000000000000")},

		{"join", known("10.0.0.5:8080")},
		{"joinV6", known("[::1]:8080")},
		{"joinUnknownPort", partial("10.0.0.5:")},
		{"joinUnknownHost", Str{}},
		{"joinLocals", known("10.0.0.26:9090")},

		{"nonString", Str{}},
		{"call", Str{}},
	}
	for _, tt := range tests {
		t.Run(tt.marker, func(t *testing.T) {
			e := tp.expr(t, tt.marker)
			if got := tp.StringOf(e); got != tt.want {
				t.Errorf("StringOf(%s) = %+v, want %+v", tt.marker, got, tt.want)
			}
			// Cached: the same answer again.
			if got := tp.StringOf(e); got != tt.want {
				t.Errorf("StringOf(%s) second call = %+v, want %+v", tt.marker, got, tt.want)
			}
		})
	}
}

func TestStringOfNil(t *testing.T) {
	tp := newTestPackage(t, "package p\n")
	if got := tp.StringOf(nil); got.Known() {
		t.Errorf("StringOf(nil) = %+v", got)
	}
}

func TestStrKnown(t *testing.T) {
	for _, tt := range []struct {
		s    Str
		want bool
	}{
		{Str{}, false},
		{known(""), true},
		{partial("a"), true},
		{known("a"), true},
	} {
		if got := tt.s.Known(); got != tt.want {
			t.Errorf("%+v.Known() = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestStringOfDepth checks the depth bound: a chain longer than maxDepth
// is unknown, a cycle terminates, and the answer for a variable does not
// depend on whether a longer chain ran through it first (a result cut short
// by the depth bound must not be cached).
func TestStringOfDepth(t *testing.T) {
	var b strings.Builder
	b.WriteString("package p\n\nfunc f() {\n\tv0 := \"10.0.0.5:80\"\n")
	for i := 1; i <= 10; i++ {
		b.WriteString("\tv" + itoa(i) + " := v" + itoa(i-1) + "\n")
	}
	b.WriteString("\tw0 := v10\n")
	for i := 1; i <= 6; i++ {
		b.WriteString("\tw" + itoa(i) + " := w" + itoa(i-1) + "\n")
	}
	b.WriteString("\tuse(/*long*/ w6)\n")
	b.WriteString("\tuse(/*short*/ v3)\n")
	b.WriteString("\tuse(/*mid*/ v10)\n")
	b.WriteString("}\n\nfunc use(string) {}\n")
	src := b.String()

	tp := newTestPackage(t, src)
	if got := tp.StringOf(tp.expr(t, "long")); got.Known() {
		t.Errorf("chain of 18: StringOf = %+v, want unknown (depth bound)", got)
	}
	if got := tp.StringOf(tp.expr(t, "short")); got != known("10.0.0.5:80") {
		t.Errorf("chain of 3: StringOf = %+v", got)
	}
	// v10 is 11 hops from its literal: within reach on its own, even after
	// the walk from w6 was cut short inside v10's chain.
	if got := tp.StringOf(tp.expr(t, "mid")); got != known("10.0.0.5:80") {
		t.Errorf("chain of 11 after a cut-short walk through it: StringOf = %+v, want known", got)
	}
	tp2 := newTestPackage(t, src)
	if got := tp2.StringOf(tp2.expr(t, "mid")); got != known("10.0.0.5:80") {
		t.Errorf("chain of 11 alone: StringOf = %+v, want known", got)
	}

	// Cycles (invalid code, seen under RunDespiteErrors) terminate.
	tp3 := newTestPackageFiles(t, true, map[string]string{"p.go": `package p
var a = b + "x"
var b = a + "y"
var c = /*c*/ a
`})
	if got := tp3.StringOf(tp3.expr(t, "c")); got.Complete {
		t.Errorf("cycle: StringOf = %+v, want not complete", got)
	}
}

func TestStringOfBrokenCode(t *testing.T) {
	// Type errors: nothing may panic, unknown stays unknown.
	tp := newTestPackageFiles(t, true, map[string]string{"p.go": `package p
import "fmt"
func f() {
	x := undefined + "a"
	use(/*x*/ x)
	use(/*sp*/ fmt.Sprintf(undefinedFormat, 1))
	use(/*bad*/ fmt.Sprintf("%s", undefined))
	use(/*call*/ notAFunc("a"))
}
func use(string) {}
`})
	for _, m := range []string{"x", "sp", "bad", "call"} {
		if got := tp.StringOf(tp.expr(t, m)); got.Complete {
			t.Errorf("%s: StringOf = %+v, want not complete", m, got)
		}
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func TestSingleValue(t *testing.T) {
	tp := newTestPackageFiles(t, false, map[string]string{
		"a.go": `package p

import "os"

var pkgOnce = "a"
var pkgInit = "a"
var pkgOther = "a"
var pkgDecl string
var pkgDeclInit string
var pkgAddr = "a"
var pkgTuple, pkgTuple2 = two()
var pkgPair, pkgPair2 = "x", "y"

func init() {
	pkgInit = "b"
	pkgDeclInit = "b"
	_ = &pkgAddr
}

func two() (string, string) { return "", "" }

func f(param string) (result string) {
	once := "a"
	twice := "a"
	twice = "b"
	var declOnly string
	declOnly = "a"
	var declNever string
	var declValue string = "a"
	addr := "a"
	p := &addr
	_ = p
	fieldAddr := struct{ s string }{"a"}
	_ = &fieldAddr.s
	inClosure := "a"
	func() { inClosure = "b" }()
	readInClosure := "a"
	func() { _ = readInClosure }()
	t1, t2 := two()
	x1, x2 := "a", "b"
	old, err := "a", error(nil)
	old2, err := "b", error(nil)
	_, _ = old2, err
	opAssign := "a"
	opAssign += "b"
	for _, ranged := range []string{"a"} {
		_ = ranged
	}
	param = "b"
	result = "a"
	env := os.Getenv("X")
	_ = []any{once, twice, declOnly, declNever, declValue, inClosure, t1, t2, x1, x2, old, opAssign, env}
	return
}

func g(param2 string) string { return param2 }
`,
		"b.go": `package p

func h() { pkgOther = "c" }
`,
	})
	tests := []struct {
		name   string
		want   string // the source of the single value; "" for none
		wantOK bool
	}{
		{"pkgOnce", `"a"`, true},
		{"pkgInit", "", false},
		{"pkgOther", "", false}, // reassigned in another file
		{"pkgDecl", "", false},
		{"pkgDeclInit", "", false}, // package var declared without value, assigned in init
		{"pkgAddr", "", false},
		{"pkgTuple", "", false},
		{"pkgPair", `"x"`, true},
		{"pkgPair2", `"y"`, true},
		{"once", `"a"`, true},
		{"twice", "", false},
		{"declOnly", `"a"`, true}, // var x T + one assignment
		{"declNever", "", false},
		{"declValue", `"a"`, true},
		{"addr", "", false},
		{"fieldAddr", "", false},
		{"inClosure", "", false},
		{"readInClosure", `"a"`, true},
		{"t1", "", false},
		{"t2", "", false},
		{"x1", `"a"`, true},
		{"x2", `"b"`, true},
		{"old", `"a"`, true},
		{"err", "", false},
		{"old2", `"b"`, true},
		{"opAssign", "", false},
		{"ranged", "", false},
		{"param", "", false},
		{"param2", "", false},
		{"result", "", false},
		{"env", `os.Getenv("X")`, true}, // single value, unknown string
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := tp.object(t, tt.name).(*types.Var)
			if !ok {
				t.Fatalf("%s is not a variable", tt.name)
			}
			e, ok := tp.SingleValue(v)
			if ok != tt.wantOK {
				t.Fatalf("SingleValue(%s) ok = %v, want %v", tt.name, ok, tt.wantOK)
			}
			if ok && tp.source(e) != tt.want {
				t.Errorf("SingleValue(%s) = %s, want %s", tt.name, tp.source(e), tt.want)
			}
		})
	}

	// Nil, fields and other packages' variables have no single value.
	if _, ok := tp.SingleValue(nil); ok {
		t.Error("SingleValue(nil) ok")
	}
	field := types.NewField(token.NoPos, tp.Types, "F", types.Typ[types.String], false)
	if _, ok := tp.SingleValue(field); ok {
		t.Error("SingleValue(field) ok")
	}
	other := types.NewVar(token.NoPos, types.NewPackage("example.com/q", "q"), "v", types.Typ[types.String])
	if _, ok := tp.SingleValue(other); ok {
		t.Error("SingleValue(other package var) ok")
	}
	if !tp.AddressTaken(tp.object(t, "addr").(*types.Var)) || tp.AddressTaken(tp.object(t, "once").(*types.Var)) {
		t.Error("AddressTaken wrong for addr/once")
	}
}

func TestFieldAssignsAndObjectOf(t *testing.T) {
	tp := newTestPackage(t, `package p

import "net/http"

type T struct{ A struct{ B string } }

func f() {
	srv := &http.Server{}
	srv.Addr = "10.0.0.5:80"
	(*srv).ReadTimeout = 0
	var t T
	t.A.B = "x"
	func() { srv.Addr += ":1" }()
	use(/*id*/ srv, /*sel*/ srv.Addr)
}

func use(...any) {}
`)
	srv := tp.object(t, "srv").(*types.Var)
	fa := tp.FieldAssigns(srv)
	if len(fa) != 3 {
		t.Fatalf("FieldAssigns(srv) = %d assignments, want 3", len(fa))
	}
	if fa[0].Field != "Addr" || tp.source(fa[0].Value) != `"10.0.0.5:80"` || fa[0].Func == nil {
		t.Errorf("FieldAssigns(srv)[0] = %+v", fa[0])
	}
	if fa[1].Field != "ReadTimeout" {
		t.Errorf("FieldAssigns(srv)[1].Field = %q, want ReadTimeout", fa[1].Field)
	}
	if fa[2].Value != nil {
		t.Errorf("op-assignment has a value: %+v", fa[2])
	}
	if _, ok := fa[2].Func.(*ast.FuncLit); !ok {
		t.Errorf("FieldAssigns(srv)[2].Func = %T, want *ast.FuncLit", fa[2].Func)
	}
	tv := tp.object(t, "t").(*types.Var)
	fa = tp.FieldAssigns(tv)
	if len(fa) != 1 || fa[0].Field != "B" || strings.Join(fa[0].Path, ".") != "A.B" {
		t.Errorf("FieldAssigns(t) = %+v, want one A.B", fa)
	}
	if got := tp.ObjectOf(tp.expr(t, "id")); got != srv {
		t.Errorf("ObjectOf(srv) = %v", got)
	}
	if got := tp.ObjectOf(tp.expr(t, "sel")); got != nil {
		t.Errorf("ObjectOf(srv.Addr) = %v, want nil", got)
	}
}

// source returns the source text of n.
func (tp *testPackage) source(n ast.Node) string {
	if n == nil {
		return "<nil>"
	}
	tf := testFset.File(n.Pos())
	src := tp.src[tf.Name()]
	return src[tf.Offset(n.Pos()):tf.Offset(n.End())]
}

// benchSrc is a small realistic service package.
const benchSrc = `package p

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
)

const (
	usersHost = "10.0.0.5"
	usersPort = 8080
	basePath  = "/api/v1"
)

var (
	ordersAddr = net.JoinHostPort("10.0.0.6", strconv.Itoa(9090))
	metricsURL = "http://" + usersHost + ":9102" + "/metrics"
	dbAddr     = os.Getenv("DB_ADDR")
)

type client struct {
	base string
	http *http.Client
}

func newClient(port int) *client {
	base := fmt.Sprintf("http://%s:%d%s", usersHost, usersPort, basePath)
	return &client{base: base, http: &http.Client{}}
}

func (c *client) user(id string) (*http.Response, error) {
	u := c.base + "/users/" + id
	return c.http.Get(u)
}

func (c *client) order(id int) (*http.Response, error) {
	u := fmt.Sprintf("http://%s/orders/%d", ordersAddr, id)
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return nil, err
	}
	return c.http.Do(req)
}

func dial(port string) (net.Conn, error) {
	addr := "10.0.0.7:" + port
	if _, err := net.Dial("tcp", dbAddr); err != nil {
		return nil, err
	}
	target := net.JoinHostPort(usersHost, port)
	_ = target
	return net.Dial("tcp", addr)
}

func serve(port int) error {
	return http.ListenAndServe(fmt.Sprintf(":%d", port), nil)
}

func metrics() (*http.Response, error) { return http.Get(metricsURL) }
`

// BenchmarkStringOf evaluates every string-typed expression of a small
// service package, with a fresh cache each round (the cost an analyzer pays
// once per package).
func BenchmarkStringOf(b *testing.B) {
	tp := newTestPackage(b, benchSrc)
	var exprs []ast.Expr
	for _, f := range tp.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok && isString(tp.Info.TypeOf(e)) {
				exprs = append(exprs, e)
			}
			return true
		})
	}
	b.ReportAllocs()
	b.ResetTimer()
	knownCount := 0
	for b.Loop() {
		tp.known = make(map[ast.Expr]Str)
		knownCount = 0
		for _, e := range exprs {
			if tp.StringOf(e).Known() {
				knownCount++
			}
		}
	}
	b.ReportMetric(float64(len(exprs)), "exprs/op")
	b.ReportMetric(float64(knownCount), "known/op")
}

// TestStringOfConcurrent evaluates the same package from several
// goroutines, as analyzers of one package do (run with -race).
func TestStringOfConcurrent(t *testing.T) {
	tp := newTestPackage(t, benchSrc)
	var exprs []ast.Expr
	for _, f := range tp.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok {
				exprs = append(exprs, e)
			}
			return true
		})
	}
	want := make([]Str, len(exprs))
	fresh := newTestPackage(t, benchSrc)
	var freshExprs []ast.Expr
	for _, f := range fresh.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok {
				freshExprs = append(freshExprs, e)
			}
			return true
		})
	}
	for i, e := range freshExprs {
		want[i] = fresh.StringOf(e)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range exprs {
				// Each goroutine walks in a different order.
				j := (i*7 + g*13) % len(exprs)
				if got := tp.StringOf(exprs[j]); got != want[j] {
					t.Errorf("concurrent StringOf(%s) = %+v, want %+v", tp.source(exprs[j]), got, want[j])
				}
			}
		}()
	}
	wg.Wait()
}
