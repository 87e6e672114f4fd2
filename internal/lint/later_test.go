package lint

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/inspector"
)

// laterPrelude declares stand-ins for http.Client and http.Transport: the
// helper is about fields and variables, not about net/http.
const laterPrelude = `package p

type RT interface{ RoundTrip() }

type Client struct {
	Timeout   int
	Transport RT
}

type Transport struct {
	MaxIdle int
	Idle    int
}

func (t *Transport) RoundTrip()        {}
func (t *Transport) Clone() *Transport { c := *t; return &c }

type Svc struct {
	client *Client
	value  Client
	name   string
}

type Embeds struct {
	*Client
	name string
}

type Configurer interface{ Configure(*Client) }

var base = &Transport{}
`

// loadLater type-checks src (after the prelude) and returns the package
// and the cursor of the node just after the /*T*/ marker.
func loadLater(t *testing.T, src string) (*Package, inspector.Cursor) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", laterPrelude+src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Defs:       make(map[*ast.Ident]types.Object),
		Uses:       make(map[*ast.Ident]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
		Implicits:  make(map[ast.Node]types.Object),
		Scopes:     make(map[ast.Node]*types.Scope),
	}
	pkg, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	in := inspector.New([]*ast.File{f})
	p := &Package{fset: fset, files: []*ast.File{f}, Info: info, Types: pkg, inspector: in,
		skipped: map[*token.File]bool{}, known: map[ast.Expr]Str{}}
	var mark token.Pos
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if c.Text == "/*T*/" {
				mark = c.End()
			}
		}
	}
	if !mark.IsValid() {
		t.Fatal("no /*T*/ marker")
	}
	for cur := range in.Root().Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.Ident)(nil)) {
		if cur.Node().Pos() == mark {
			return p, cur
		}
	}
	t.Fatal("nothing after the /*T*/ marker")
	return nil, inspector.Cursor{}
}

func TestAssignedLater(t *testing.T) {
	tests := []struct {
		name, field, src string
		want             Later
	}{
		{"same block", "Timeout", `func f() { c := &/*T*/Client{}; c.Timeout = 1; _ = c }`, Assigned},
		{"never", "Timeout", `func f() *Client { c := &/*T*/Client{}; return c }`, NotAssigned},
		{"other field", "Timeout", `func f() { c := &/*T*/Client{}; c.Transport = nil; _ = c }`, NotAssigned},
		{"nested block", "Timeout", `func f(b bool) { c := &/*T*/Client{}; if b { for { c.Timeout = 2 } }; _ = c }`, Assigned},
		{"var with value", "Timeout", `func f() { var c = /*T*/Client{}; c.Timeout = 1; _ = c }`, Assigned},
		{"assignment", "Timeout", `func f() { var c *Client; c = /*T*/new(Client); c.Timeout = 1 }`, Assigned},
		{"var without value", "Timeout", `func f() { var /*T*/c Client; c.Timeout = 1; _ = c }`, Assigned},
		{"var without value, unset", "Timeout", `func f() { var /*T*/c Client; _ = c }`, NotAssigned},
		{"before, not later", "Timeout", `func f() { c := &Client{}; c.Timeout = 1; c = &/*T*/Client{}; _ = c }`, NotAssigned},
		{"other variable", "Timeout", `func f() { c := &/*T*/Client{}; d := &Client{}; d.Timeout = 1; _, _ = c, d }`, NotAssigned},
		{"plain alias", "Timeout", `func f() { c := &/*T*/Client{}; d := c; d.Timeout = 1 }`, Assigned},
		{"struct field assignment", "Timeout", `func (s *Svc) f() { s.client = &/*T*/Client{}; s.client.Timeout = 1 }`, Assigned},
		{"struct field, other path", "Timeout", `func (s *Svc) f() { s.client = &/*T*/Client{}; s.value.Timeout = 1 }`, NotAssigned},
		{"constructor literal", "Timeout", `func f() *Svc { s := &Svc{client: &/*T*/Client{}}; s.client.Timeout = 1; return s }`, Assigned},
		{"constructor literal, positional", "Timeout", `func f() *Svc { s := &Svc{&/*T*/Client{}, Client{}, ""}; s.client.Timeout = 1; return s }`, Assigned},
		{"constructor literal, value field", "Timeout", `func f() Svc { s := Svc{value: /*T*/Client{}}; s.value.Timeout = 1; return s }`, Assigned},
		{"stored through alias into field", "Timeout", `func f() *Svc { c := &/*T*/Client{}; s := &Svc{client: c}; s.client.Timeout = 1; return s }`, Assigned},
		{"pointer alias via type assertion", "MaxIdle", `func f() { c := &Client{Transport: &/*T*/Transport{}}; t := c.Transport.(*Transport); t.MaxIdle = 50 }`, Assigned},
		{"assignment through type assertion", "Idle", `func f() { c := &Client{Transport: &/*T*/Transport{}}; c.Transport.(*Transport).Idle = 5 }`, Assigned},
		{"type assertion, other field", "Idle", `func f() { c := &Client{Transport: &/*T*/Transport{}}; t := c.Transport.(*Transport); t.MaxIdle = 50 }`, NotAssigned},
		{"clone", "MaxIdle", `func f() RT { t := /*T*/base.Clone(); t.MaxIdle = 100; return t }`, Assigned},
		{"clone, unset", "MaxIdle", `func f() RT { t := /*T*/base.Clone(); t.Idle = 100; return t }`, NotAssigned},
		{"package var, init", "Timeout", `var c = &/*T*/Client{}; func init() { c.Timeout = 1 }`, Assigned},
		{"package var, any function", "Timeout", `func set() { c.Timeout = 1 }; var c = &/*T*/Client{}`, Assigned},
		{"package var without value", "Timeout", `var /*T*/c Client; func init() { c.Timeout = 1 }`, Assigned},
		{"package var, unset", "Timeout", `var c = &/*T*/Client{}; func get() *Client { return c }`, NotAssigned},
		{"address of field", "Timeout", `func set(*int); func f() { c := &/*T*/Client{}; set(&c.Timeout) }`, Assigned},
		{"closure", "Timeout", `func f() func() { c := &/*T*/Client{}; return func() { c.Timeout = 1 } }`, Assigned},
		{"same-package helper", "Timeout", `func configure(c *Client) { c.Timeout = 1 }; func f() { c := &/*T*/Client{}; configure(c) }`, Assigned},
		{"same-package helper, nested", "Timeout", `func configure(s *Svc) { s.client.Timeout = 1 }; func f() { s := &Svc{client: &/*T*/Client{}}; configure(s) }`, Assigned},
		{"same-package helper that does not set it", "Timeout", `func use(c *Client) {}; func f() { c := &/*T*/Client{}; use(c) }`, NotAssigned},
		{"literal passed straight to helper", "Timeout", `func configure(c *Client) { c.Timeout = 1 }; func f() { configure(&/*T*/Client{}) }`, Assigned},
		{"method on the holder", "Timeout", `func (s *Svc) setup() { s.client.Timeout = 1 }; func f() *Svc { s := &Svc{client: &/*T*/Client{}}; s.setup(); return s }`, Assigned},
		{"function value", "Timeout", `func f(opts ...func(*Client)) { c := &/*T*/Client{}; for _, o := range opts { o(c) } }`, Unknown},
		{"interface method on the value", "MaxIdle", `func f() { var rt RT = &/*T*/Transport{}; rt.RoundTrip() }`, NotAssigned},
		{"interface method on the holder", "Timeout", `type Initer interface{ Init() }; func (s *Svc) Init() {}; func f() { var i Initer = &Svc{client: &/*T*/Client{}}; i.Init() }`, Unknown},
		{"interface method", "Timeout", `func f(cf Configurer) { c := &/*T*/Client{}; cf.Configure(c) }`, Unknown},
		{"returned, caller sets", "Timeout", `func mk() *Client { return &/*T*/Client{} }; func f() { c := mk(); c.Timeout = 1 }`, Assigned},
		{"returned, caller does not", "Timeout", `func mk() *Client { return &/*T*/Client{} }; func f() { c := mk(); _ = c }`, NotAssigned},
		{"returned variable, caller sets", "Timeout", `func mk() *Client { c := &/*T*/Client{}; return c }; func f() { c := mk(); c.Timeout = 1 }`, Assigned},
		{"returned in struct, caller sets", "Timeout", `func mk() *Svc { return &Svc{client: &/*T*/Client{}} }; func f() { s := mk(); s.client.Timeout = 1 }`, Assigned},
		{"promoted field", "Timeout", `func f() Embeds { e := Embeds{Client: &/*T*/Client{}}; e.Timeout = 1; return e }`, Assigned},
		{"promoted field, positional", "Timeout", `func f() Embeds { e := Embeds{&/*T*/Client{}, ""}; e.Timeout = 1; return e }`, Assigned},
		{"map element", "Timeout", `func f(m map[string]*Client) { m["a"] = &/*T*/Client{} }`, NotAssigned},
		{"used in place", "Timeout", `func f() { (&/*T*/Client{}).Transport.RoundTrip() }`, NotAssigned},
		{"blank", "Timeout", `func f() { _ = &/*T*/Client{} }`, NotAssigned},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, cur := loadLater(t, tt.src)
			if got := p.AssignedLater(cur, tt.field); got != tt.want {
				t.Errorf("AssignedLater(%s) = %v, want %v\n%s", tt.field, got, tt.want, tt.src)
			}
		})
	}
}

func TestBindingOf(t *testing.T) {
	tests := []struct {
		src  string
		kind BindKind
		want string // var.path
	}{
		{`func f() { c := &/*T*/Client{}; _ = c }`, BindVar, "c"},
		{`func (s *Svc) f() { s.client = &/*T*/Client{} }`, BindVar, "s.client"},
		{`func f() { s := &Svc{client: &/*T*/Client{}}; _ = s }`, BindVar, "s.client"},
		{`func f() { var s = Svc{value: Client{Transport: &/*T*/Transport{}}}; _ = s }`, BindVar, "s.value.Transport"},
		{`func f() { var /*T*/c Client; _ = c }`, BindVar, "c"},
		{`func f() *Client { return (&/*T*/Client{}) }`, BindReturn, ""},
		{`func g(*Svc); func f() { g(&Svc{client: &/*T*/Client{}}) }`, BindArg, "client"},
		{`func f() { var x any = RT(&/*T*/Transport{}); _ = x }`, BindVar, "x"},
		{`func f(m map[int]*Client) { m[1] = &/*T*/Client{} }`, BindOther, ""},
	}
	for _, tt := range tests {
		p, cur := loadLater(t, tt.src)
		b := p.BindingOf(cur)
		got := strings.Join(b.Path, ".")
		if b.Var != nil {
			got = strings.Join(append([]string{b.Var.Name()}, b.Path...), ".")
		}
		if b.Kind != tt.kind || got != tt.want {
			t.Errorf("BindingOf in %s = %v %q, want %v %q", tt.src, b.Kind, got, tt.kind, tt.want)
		}
	}
}
