package lint

import "testing"

func TestListenPort(t *testing.T) {
	tests := []struct {
		s    Str
		want int
		ok   bool
	}{
		{known(":15020"), 15020, true},
		{known("0.0.0.0:8080"), 8080, true},
		{known("localhost:0"), 0, true},
		{known("127.0.0.1:00"), 0, true},
		{known("[::1]:15000"), 15000, true},
		{known("[::]:9090"), 9090, true},
		{known(":015020"), 15020, false}, // six digits: not read as a port
		{known(":65535"), 65535, true},
		{known(":65536"), 0, false},
		{known(":http"), 0, false},
		{known(":"), 0, false},
		{known("localhost"), 0, false},
		{known("::1"), 0, false},
		{known("fe80::1:8080"), 0, false},
		{known("[::1]"), 0, false},
		{known("[::1"), 0, false},
		{known("/tmp/app.sock"), 0, false},
		{known(":-1"), 0, false},
		{known(":+80"), 0, false},
		{partial("localhost:"), 0, false},
		{partial(":150"), 0, false},
		{Str{}, 0, false},
	}
	for _, tt := range tests {
		got, ok := ListenPort(tt.s)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("ListenPort(%+v) = %d, %v; want %d, %v", tt.s, got, ok, tt.want, tt.ok)
		}
	}
}
