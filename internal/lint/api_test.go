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
	// clienttimeout, hardcodedip: client libraries
	for fn, param := range LibraryURLSinks {
		check(fn, param)
	}
	for fn := range GoKitClients {
		check(fn, "options")
	}
	for fn := range NoTimeoutFuncs {
		if _, ok := signatures[fn]; !ok {
			t.Errorf("%s: not in the signature table", fn)
		}
	}
	// Parameters clienttimeout's deadline tracking reads.
	for _, fn := range []string{"context.WithCancel", "context.WithCancelCause", "context.WithValue"} {
		check(fn, "parent")
	}
	for _, fn := range []string{"(*net/http.Client).Do"} {
		check(fn, "req")
	}
	for _, fn := range []string{"net/http.NewRequestWithContext", "(*net/http.Request).WithContext", "(*net/http.Request).Clone"} {
		check(fn, "ctx")
	}
	if !HasParam("net.Dial", "network") || HasParam("crypto/tls.Dial", "address") || HasParam("nope", "x") {
		t.Error("HasParam")
	}
	// loopbacktrust
	for fn, a := range AddrParts {
		if a.Param != "" {
			check(fn, a.Param)
		}
	}
	for fn, a := range AddrTests {
		for _, param := range []string{a.Addr, a.Against} {
			if param != "" {
				check(fn, param)
			}
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("Param of an unknown parameter did not panic")
		}
	}()
	Param("net/http.Get", "nope")
}
