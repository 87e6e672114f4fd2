package lint

import (
	"go/types"
	"strings"
	"testing"
)

// localPrelude uses net/http: LocalUses treats methods of this package
// as keeping the value, so the values followed come from another one.
const localPrelude = `package p

import "net/http"

type Svc struct {
	client *http.Client
	name   string
}

func (s *Svc) run() {}

func g(any) {}

var keep *http.Transport

`

func TestLocalUses(t *testing.T) {
	tests := []struct {
		name, src string
		local     bool
		uses      string // method names, and the path below the receiver after a slash
	}{
		{"method call", `func f(r *http.Request) { t := &/*T*/http.Transport{}; t.RoundTrip(r) }`, true, "RoundTrip"},
		{"in place", `func f(r *http.Request) { (&/*T*/http.Transport{}).RoundTrip(r) }`, true, "RoundTrip"},
		{"no use", `func f() { _ = &/*T*/http.Transport{} }`, true, ""},
		{"held by a local client", `func f(r *http.Request) { c := &http.Client{Transport: &/*T*/http.Transport{}}; c.Do(r) }`, true, "Do/Transport"},
		{"client used in place", `func f(r *http.Request) { (&http.Client{Transport: &/*T*/http.Transport{}}).Do(r) }`, true, "Do/Transport"},
		{"field assigned on a local", `func f(r *http.Request) { c := &http.Client{}; c.Transport = &/*T*/http.Transport{}; c.Transport.RoundTrip(r); c.Get("u") }`, true, "RoundTrip,Get/Transport"},
		{"alias", `func f(r *http.Request) { t := &/*T*/http.Transport{}; u := t; u.RoundTrip(r) }`, true, "RoundTrip"},
		{"interface", `func f(r *http.Request) { var rt http.RoundTripper = &/*T*/http.Transport{}; rt.RoundTrip(r) }`, true, "RoundTrip"},
		{"method expression", `func f(r *http.Request) { c := &/*T*/http.Client{}; (*http.Client).Do(c, r) }`, true, "Do"},
		{"fields and comparisons", `func f(o *http.Transport) { t := &/*T*/http.Transport{}; t.IdleConnTimeout = 1; _ = t.MaxIdleConns; if t == o { return } }`, true, ""},
		{"closure called in place", `func f(r *http.Request) { t := &/*T*/http.Transport{}; defer func() { t.RoundTrip(r) }() }`, true, "RoundTrip"},
		{"var declaration", `func f(r *http.Request) { var /*T*/c http.Client; c.Do(r) }`, true, "Do"},
		{"package variable used", `func f(r *http.Request) { (/*T*/http.DefaultClient).Do(r) }`, true, "Do"},
		{"package variable in a local", `func f(r *http.Request) { c := /*T*/http.DefaultClient; c.Get("u") }`, true, "Get"},
		{"replaced holder", `func f(o *http.Transport) { t := &/*T*/http.Transport{}; t = o; _ = t }`, true, ""},

		{"returned", `func f() *http.Transport { t := &/*T*/http.Transport{}; return t }`, false, ""},
		{"returned holder", `func f() *http.Client { c := &http.Client{Transport: &/*T*/http.Transport{}}; return c }`, false, ""},
		{"holder field returned", `func f() http.RoundTripper { c := &http.Client{Transport: &/*T*/http.Transport{}}; return c.Transport }`, false, ""},
		{"passed", `func f() { t := &/*T*/http.Transport{}; g(t) }`, false, ""},
		{"passed holder", `func f() { g(&http.Client{Transport: &/*T*/http.Transport{}}) }`, false, ""},
		{"package variable", `func f() { keep = &/*T*/http.Transport{} }`, false, ""},
		{"package level", `var kept = &/*T*/http.Transport{}`, false, ""},
		{"field of a receiver", `func (s *Svc) f() { s.client = &http.Client{Transport: &/*T*/http.Transport{}} }`, false, ""},
		{"named result", `func f() (t *http.Transport) { t = &/*T*/http.Transport{}; return }`, false, ""},
		{"map", `func f(m map[int]*http.Transport) { m[1] = &/*T*/http.Transport{} }`, false, ""},
		{"slice literal", `func f() { ts := []*http.Transport{&/*T*/http.Transport{}}; _ = ts }`, false, ""},
		{"address taken", `func f() { t := &/*T*/http.Transport{}; g(&t) }`, false, ""},
		{"method value", `func f() any { t := &/*T*/http.Transport{}; return t.RoundTrip }`, false, ""},
		{"same-package method of the holder", `func f() { s := &Svc{client: &http.Client{Transport: &/*T*/http.Transport{}}}; s.run() }`, false, ""},
		{"stored closure", `func f(r *http.Request) func() { t := &/*T*/http.Transport{}; return func() { t.RoundTrip(r) } }`, false, ""},
		{"channel", `func f(ch chan *http.Transport) { ch <- &/*T*/http.Transport{} }`, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tp := newTestPackage(t, localPrelude+tt.src)
			cur, ok := tp.Inspector().Root().FindNode(tp.expr(t, "T"))
			if !ok {
				t.Fatal("no cursor for /*T*/")
			}
			uses, local := tp.LocalUses(cur)
			var got []string
			for _, u := range uses {
				s := u.Method.Name()
				if len(u.Path) > 0 {
					s += "/" + strings.Join(u.Path, ".")
				}
				got = append(got, s)
			}
			if local != tt.local || strings.Join(got, ",") != tt.uses {
				t.Errorf("LocalUses = %v, %q; want %v, %q\n%s", local, strings.Join(got, ","), tt.local, tt.uses, tt.src)
			}
		})
	}
}

func TestCalledLater(t *testing.T) {
	const decls = `type R struct{ t int }
func NewR() *R { return &R{} }
func (r *R) SetTimeout(int) *R { r.t = 1; return r }
func (r *R) Other() *R { return r }
`
	methods := map[string]bool{"(*p.R).SetTimeout": true}
	tests := []struct {
		name, src string
		want      Later
	}{
		{"later", `func f() { r := /*T*/NewR(); r.SetTimeout(1) }`, Assigned},
		{"never", `func f() { r := /*T*/NewR(); r.Other() }`, NotAssigned},
		{"before", `func f() { r := NewR(); r.SetTimeout(1); r = /*T*/NewR(); _ = r }`, NotAssigned},
		{"package var in init", `var r = /*T*/NewR(); func init() { r.SetTimeout(1) }`, Assigned},
		{"helper", `func set(r *R) { r.SetTimeout(1) }; func f() { r := /*T*/NewR(); set(r) }`, Assigned},
		{"field", `func f() *Svc2 { s := &Svc2{r: /*T*/NewR()}; s.r.SetTimeout(1); return s }`, Assigned},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, cur := loadLater(t, decls+"type Svc2 struct{ r *R }\n"+tt.src)
			if got := p.CalledLater(cur, methods); got != tt.want {
				t.Errorf("CalledLater = %v, want %v\n%s", got, tt.want, tt.src)
			}
		})
	}
}

func TestAssignedLaterPath(t *testing.T) {
	const decls = "type W struct{ HTTP *Client; N int }\nfunc NewW() *W { return &W{HTTP: &Client{}} }\n"
	tests := []struct {
		name, src string
		want      Later
	}{
		{"field of field", `func f() { w := /*T*/NewW(); w.HTTP.Timeout = 1 }`, Assigned},
		{"replaced on the way", `func f(c *Client) { w := /*T*/NewW(); w.HTTP = c }`, Assigned},
		{"other field of field", `func f() { w := /*T*/NewW(); w.HTTP.Transport = nil }`, NotAssigned},
		{"other field", `func f() { w := /*T*/NewW(); w.N = 1 }`, NotAssigned},
		{"used", `func f() { w := /*T*/NewW(); w.HTTP.Transport.RoundTrip() }`, NotAssigned},
		{"read on the way", `func f() { w := /*T*/NewW(); h := w.HTTP; h.Timeout = 1 }`, Unknown},
		{"package var in init", `var w = /*T*/NewW(); func init() { w.HTTP.Timeout = 1 }`, Assigned},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, cur := loadLater(t, decls+tt.src)
			if got := p.AssignedLaterPath(cur, "HTTP", "Timeout"); got != tt.want {
				t.Errorf("AssignedLaterPath = %v, want %v\n%s", got, tt.want, tt.src)
			}
		})
	}
}

func TestReassigned(t *testing.T) {
	tp := newTestPackage(t, `package p

import "net/http"

var pkgZero http.Client

func f(other http.Client) {
	var a, b, c, d http.Client
	b = other
	c, _ = other, 1
	var e = other
	_, _, _, _, _ = a, b, c, d, e
	d.Timeout = 1
}

func init() { pkgZero = http.Client{} }
`)
	want := map[string]bool{"a": false, "b": true, "c": true, "d": false, "e": false, "pkgZero": true, "other": false}
	for name, w := range want {
		if got := tp.Reassigned(tp.object(t, name).(*types.Var)); got != w {
			t.Errorf("Reassigned(%s) = %v, want %v", name, got, w)
		}
	}
}

func TestPkgObject(t *testing.T) {
	tp := newTestPackage(t, `package p

import "net/http"

var _ = http.Get
`)
	if obj := tp.PkgObject("net/http", "DefaultClient"); obj == nil || obj.Name() != "DefaultClient" || obj.Pkg().Path() != "net/http" {
		t.Errorf("PkgObject(net/http, DefaultClient) = %v", obj)
	}
	if obj := tp.PkgObject("net/url", "URL"); obj == nil {
		t.Error("PkgObject(net/url, URL): a transitive import is not found")
	}
	if obj := tp.PkgObject("example.com/p", "nope"); obj != nil {
		t.Errorf("PkgObject of an unknown name = %v", obj)
	}
	if obj := tp.PkgObject("github.com/valyala/fasthttp", "Get"); obj != nil || tp.Reaches("github.com/valyala/fasthttp") {
		t.Error("a package that is not imported is found")
	}
	if !tp.Reaches("net/url") || tp.Reaches("example.com/p") {
		t.Error("Reaches")
	}
}
