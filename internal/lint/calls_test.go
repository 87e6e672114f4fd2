package lint

import (
	"go/ast"
	"go/types"
	"testing"
)

const callsSrc = `package p

import (
	"context"
	h "net/http"
	"net"
	. "net/url"
	"sync/atomic"
)

type Client = h.Client
type MyClient h.Client

type Wrapper struct{ *h.Client }
type Outer struct{ Wrapper }

type Box[T any] struct{ v T }

func (b *Box[T]) Put(v T) { b.v = v }

func Do[T any](v T) T { return v }

type holder struct{ DefaultClient *h.Client }

func f(c *h.Client, ac *Client, w Wrapper, o Outer, conn net.Conn, fn func(string), u string) {
	/*get*/ h.Get(u)
	/*clientGet*/ c.Get(u)
	/*aliasGet*/ ac.Get(u)
	/*methodExpr*/ (*h.Client).Get(c, u)
	/*methodExprAlias*/ (*Client).Do(c, nil)
	get := c.Get
	/*methodValue*/ get(u)
	get2 := c.Get
	get2 = ac.Head
	/*methodValueTwice*/ get2(u)
	getFn := h.Get
	/*funcValue*/ getFn(u)
	/*embedded*/ w.Get(u)
	/*embedded2*/ o.Head(u)
	/*iface*/ conn.Close()
	/*generic*/ Do(1)
	/*genericExplicit*/ Do[string]("x")
	var bx Box[int]
	/*genericMethod*/ bx.Put(1)
	_ = /*builtin*/ len(u)
	_ = /*conversion*/ string(u)
	/*funcParam*/ fn(u)
	/*funcLit*/ func() {}()
	/*dial*/ net.Dial("tcp", u)
	/*dotImport*/ Parse(u)
	/*paren*/ (c.Get)(u)
	var d net.Dialer
	/*dialContext*/ d.DialContext(context.Background(), "tcp", u)

	_ = /*defaultClient*/ h.DefaultClient
	_ = /*defaultClientParen*/ (h.DefaultClient)
	_ = /*defaultTransport*/ h.DefaultTransport
	var DefaultClient = c
	_ = /*localDefaultClient*/ DefaultClient
	var hd holder
	_ = /*fieldDefaultClient*/ hd.DefaultClient
	_ = /*notIdent*/ h.DefaultClient.Timeout
	_ = /*lit*/ h.Client{Timeout: 5, Transport: nil}
	_ = /*posLit*/ Box[int]{1}

	var pc atomic.Pointer[h.Client]
	var mc *MyClient
	var pp **h.Client
	_, _, _ = pc, mc, pp
}
`

func TestCallee(t *testing.T) {
	tp := newTestPackage(t, callsSrc)
	call := func(m string) *ast.CallExpr {
		t.Helper()
		c, ok := tp.expr(t, m).(*ast.CallExpr)
		if !ok {
			t.Fatalf("%s does not mark a call", m)
		}
		return c
	}
	tests := []struct {
		marker string
		name   string // CalleeName
		short  string // ShortName
		args   int    // len(Args)
		recv   string // source of Receiver, "" for nil
	}{
		{"get", "net/http.Get", "http.Get", 1, ""},
		{"clientGet", "(*net/http.Client).Get", "(*http.Client).Get", 1, "c"},
		{"aliasGet", "(*net/http.Client).Get", "(*http.Client).Get", 1, "ac"},
		{"methodExpr", "(*net/http.Client).Get", "(*http.Client).Get", 1, "c"},
		{"methodExprAlias", "(*net/http.Client).Do", "(*http.Client).Do", 1, "c"},
		{"methodValue", "(*net/http.Client).Get", "(*http.Client).Get", 1, ""},
		{"methodValueTwice", "", "", 1, ""},
		{"funcValue", "net/http.Get", "http.Get", 1, ""}, // get := http.Get; get(u)
		{"embedded", "(*net/http.Client).Get", "(*http.Client).Get", 1, "w"},
		{"embedded2", "(*net/http.Client).Head", "(*http.Client).Head", 1, "o"},
		{"iface", "(net.Conn).Close", "(net.Conn).Close", 0, "conn"},
		{"generic", "example.com/p.Do", "p.Do", 1, ""},
		{"genericExplicit", "example.com/p.Do", "p.Do", 1, ""},
		{"genericMethod", "(*example.com/p.Box[T]).Put", "(*p.Box).Put", 1, "bx"},
		{"builtin", "", "", 1, ""},
		{"conversion", "", "", 1, ""},
		{"funcParam", "", "", 1, ""},
		{"funcLit", "", "", 0, ""},
		{"dial", "net.Dial", "net.Dial", 2, ""},
		{"dotImport", "net/url.Parse", "url.Parse", 1, ""},
		{"paren", "(*net/http.Client).Get", "(*http.Client).Get", 1, "c"},
		{"dialContext", "(*net.Dialer).DialContext", "(*net.Dialer).DialContext", 3, "d"},
	}
	for _, tt := range tests {
		t.Run(tt.marker, func(t *testing.T) {
			c := call(tt.marker)
			fn := tp.Callee(c)
			if got := tp.CalleeName(c); got != tt.name {
				t.Errorf("CalleeName = %q, want %q", got, tt.name)
			}
			if got := FullName(fn); got != tt.name {
				t.Errorf("FullName(Callee) = %q, want %q", got, tt.name)
			}
			if got := ShortName(fn); got != tt.short {
				t.Errorf("ShortName = %q, want %q", got, tt.short)
			}
			args := tp.Args(c)
			if len(args) != tt.args {
				t.Errorf("len(Args) = %d, want %d", len(args), tt.args)
			}
			for i := range args {
				if tp.Arg(c, i) != args[i] {
					t.Errorf("Arg(%d) != Args()[%d]", i, i)
				}
			}
			if tp.Arg(c, -1) != nil || tp.Arg(c, len(args)) != nil {
				t.Error("Arg out of range is not nil")
			}
			recv := ""
			if r := tp.Receiver(c); r != nil {
				recv = tp.source(r)
			}
			if recv != tt.recv {
				t.Errorf("Receiver = %q, want %q", recv, tt.recv)
			}
		})
	}

	// Method expression: Args drops the receiver, Arg(0) is the URL.
	me := call("methodExpr")
	if got := tp.source(tp.Arg(me, 0)); got != "u" {
		t.Errorf("methodExpr Arg(0) = %s, want u", got)
	}
	if FullName(nil) != "" || ShortName(nil) != "" {
		t.Error("FullName/ShortName of nil are not empty")
	}
}

func TestIsNamed(t *testing.T) {
	tp := newTestPackage(t, callsSrc)
	typeOf := func(name string) types.Type {
		t.Helper()
		return tp.object(t, name).Type()
	}
	tests := []struct {
		name    string
		t       types.Type
		pkg, tn string
		want    bool
		wantPtr bool
	}{
		{"ptr", typeOf("c"), "net/http", "Client", true, true},
		{"alias ptr", typeOf("ac"), "net/http", "Client", true, true},
		{"value", typeOf("c").(*types.Pointer).Elem(), "net/http", "Client", true, false},
		{"ptr ptr", typeOf("pp"), "net/http", "Client", false, false},
		{"defined from", typeOf("mc"), "net/http", "Client", false, false},
		{"defined own", typeOf("mc"), "example.com/p", "MyClient", true, true},
		{"generic instance", typeOf("pc"), "sync/atomic", "Pointer", true, false},
		{"generic local", typeOf("bx"), "example.com/p", "Box", true, false},
		{"wrong pkg", typeOf("c"), "example.com/p", "Client", false, false},
		{"wrong name", typeOf("c"), "net/http", "Transport", false, false},
		{"iface", typeOf("conn"), "net", "Conn", true, false},
		{"generic receiver", typeOf("b"), "example.com/p", "Box", true, true},
		{"basic", typeOf("u"), "", "string", false, false},
		{"func", typeOf("fn"), "net/http", "Client", false, false},
		{"nil", nil, "net/http", "Client", false, false},
		{"alias type itself", tp.object(t, "Client").Type(), "net/http", "Client", true, false},
	}
	for _, tt := range tests {
		if got := IsNamed(tt.t, tt.pkg, tt.tn); got != tt.want {
			t.Errorf("%s: IsNamed(%v, %s, %s) = %v, want %v", tt.name, tt.t, tt.pkg, tt.tn, got, tt.want)
		}
		if got := IsPointerTo(tt.t, tt.pkg, tt.tn); got != tt.wantPtr {
			t.Errorf("%s: IsPointerTo(%v, %s, %s) = %v, want %v", tt.name, tt.t, tt.pkg, tt.tn, got, tt.wantPtr)
		}
	}
}

func TestIsValueOfClient(t *testing.T) {
	tp := newTestPackage(t, callsSrc)
	typeOf := func(name string) types.Type {
		t.Helper()
		return tp.object(t, name).Type()
	}
	tests := []struct {
		name string
		t    types.Type
		want bool
	}{
		{"ptr", typeOf("c"), false},
		{"alias ptr", typeOf("ac"), false},
		{"value", typeOf("c").(*types.Pointer).Elem(), true},
		{"alias type itself", tp.object(t, "Client").Type(), true},
		{"ptr ptr", typeOf("pp"), false},
		{"defined from", typeOf("mc"), false},
		{"nil", nil, false},
	}
	for _, tt := range tests {
		if got := IsValueOf(tt.t, "net/http", "Client"); got != tt.want {
			t.Errorf("%s: IsValueOf(%v, net/http, Client) = %v, want %v", tt.name, tt.t, got, tt.want)
		}
	}
}

func TestIsPkgVar(t *testing.T) {
	tp := newTestPackage(t, callsSrc)
	tests := []struct {
		marker string
		want   bool
	}{
		{"defaultClient", true},
		{"defaultClientParen", true},
		{"defaultTransport", false},
		{"localDefaultClient", false},
		{"fieldDefaultClient", false},
		{"notIdent", false},
	}
	for _, tt := range tests {
		if got := tp.IsPkgVar(tp.expr(t, tt.marker), "net/http", "DefaultClient"); got != tt.want {
			t.Errorf("IsPkgVar(%s) = %v, want %v", tt.marker, got, tt.want)
		}
	}
	if !tp.IsPkgVar(tp.expr(t, "defaultTransport"), "net/http", "DefaultTransport") {
		t.Error("IsPkgVar(http.DefaultTransport, DefaultTransport) = false")
	}
	if tp.IsPkgVar(tp.expr(t, "defaultClient"), "example.com/p", "DefaultClient") {
		t.Error("IsPkgVar matched the wrong package")
	}
	if tp.IsPkgVar(tp.expr(t, "get"), "net/http", "Get") {
		t.Error("IsPkgVar matched a call")
	}
}

func TestField(t *testing.T) {
	tp := newTestPackage(t, callsSrc)
	lit := tp.expr(t, "lit").(*ast.CompositeLit)
	if got := Field(lit, "Timeout"); got == nil || tp.source(got) != "5" {
		t.Errorf("Field(Timeout) = %v", got)
	}
	if got := Field(lit, "Transport"); got == nil || tp.source(got) != "nil" {
		t.Errorf("Field(Transport) = %v", got)
	}
	if got := Field(lit, "Jar"); got != nil {
		t.Errorf("Field(Jar) = %v, want nil", got)
	}
	pos := tp.expr(t, "posLit").(*ast.CompositeLit)
	if got := Field(pos, "v"); got != nil {
		t.Errorf("Field of positional literal = %v, want nil", got)
	}
}
