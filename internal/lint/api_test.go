package lint

import "testing"

// TestAPITable: every parameter a rule table names exists in the
// signature table (Param panics otherwise, at run time on real code).
func TestAPITable(t *testing.T) {
	check := func(fn, param string) {
		t.Helper()
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%v", r)
			}
		}()
		Param(fn, param)
	}
	for fn := range DefaultClientFuncs {
		check(fn, "url")
	}
	for fn := range ClientNoContextMethods {
		check(fn, "url")
	}
	for fn := range ContextSinks {
		check(fn, "ctx")
	}
	for fn, d := range Dials {
		check(fn, d.Param)
	}
	for fn := range AddrDials {
		check(fn, "raddr")
	}
	for fn, l := range Listeners {
		check(fn, l.Addr)
		if l.Network != "" {
			check(fn, l.Network)
		}
		if l.Handler != "" {
			check(fn, l.Handler)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("Param of an unknown parameter did not panic")
		}
	}()
	Param("net/http.Get", "nope")
}
