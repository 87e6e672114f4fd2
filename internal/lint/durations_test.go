package lint

import (
	"testing"
	"time"
)

const durationSrc = `package p

import (
	"flag"
	"os"
	"strconv"
	"time"
)

const idleConst = 90 * time.Second
const secs = 75

type config struct{ Idle time.Duration; N int }

var pkgOnce = 2 * time.Minute
var pkgTwice = time.Minute
var pkgFlag = flag.Duration("idle", time.Minute, "")

func init() { pkgTwice = 3 * time.Minute }

func f(cfg config, param time.Duration, n int32) {
	once := 45 * time.Second
	n64 := 30
	twice := time.Second
	twice = 2 * time.Second
	var declOnce time.Duration
	declOnce = 5 * time.Second
	ptr := time.Second
	_ = &ptr
	env, _ := strconv.Atoi(os.Getenv("IDLE"))
	big := int64(1) << 62

	use(/*lit*/ 75 * time.Second)
	use(/*named*/ idleConst)
	use(/*conv*/ time.Duration(90) * time.Second)
	use(/*convConst*/ time.Duration(secs) * time.Second)
	use(/*hourHalf*/ time.Hour / 2)
	use(/*zero*/ 0)
	use(/*negative*/ -1)
	use(/*untyped*/ 5)
	use(/*local*/ once)
	use(/*localConv*/ time.Duration(n64) * time.Second)
	use(/*localSum*/ once + time.Second)
	use(/*localSub*/ once - time.Second)
	use(/*declOnce*/ declOnce)
	use(/*twice*/ twice)
	use(/*ptr*/ ptr)
	use(/*pkgOnce*/ pkgOnce)
	use(/*pkgTwice*/ pkgTwice)
	use(/*pkgFlag*/ *pkgFlag)
	use(/*field*/ cfg.Idle)
	use(/*fieldConv*/ time.Duration(cfg.N) * time.Second)
	use(/*param*/ param)
	use(/*env*/ time.Duration(env) * time.Second)
	use(/*call*/ get())
	use(/*parse*/ mustParse("1h"))
	use(/*int32*/ time.Duration(n) * time.Second)
	use(/*overflow*/ time.Duration(big) * time.Duration(big))
	use(/*float*/ 1.5)
	use(/*string*/ "1h")
	use(/*div*/ once / 2)
}

func get() time.Duration { return time.Minute }

func mustParse(s string) time.Duration { d, _ := time.ParseDuration(s); return d }

func use(any) {}
`

func TestDurationOf(t *testing.T) {
	tp := newTestPackage(t, durationSrc)
	tests := []struct {
		marker string
		want   time.Duration
		ok     bool
	}{
		{"lit", 75 * time.Second, true},
		{"named", 90 * time.Second, true},
		{"conv", 90 * time.Second, true},
		{"convConst", 75 * time.Second, true},
		{"hourHalf", 30 * time.Minute, true},
		{"zero", 0, true},
		{"negative", -1, true},
		{"untyped", 5, true},
		{"local", 45 * time.Second, true},
		{"localConv", 30 * time.Second, true},
		{"localSum", 46 * time.Second, true},
		{"localSub", 44 * time.Second, true},
		{"declOnce", 5 * time.Second, true},
		{"twice", 0, false},
		{"ptr", 0, false},
		{"pkgOnce", 2 * time.Minute, true},
		{"pkgTwice", 0, false},
		{"pkgFlag", 0, false},
		{"field", 0, false},
		{"fieldConv", 0, false},
		{"param", 0, false},
		{"env", 0, false},
		{"call", 0, false},
		{"parse", 0, false},
		{"int32", 0, false},
		{"overflow", 0, false},
		{"float", 0, false},
		{"string", 0, false},
		{"div", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.marker, func(t *testing.T) {
			got, ok := tp.DurationOf(tp.expr(t, tt.marker))
			if got != tt.want || ok != tt.ok {
				t.Errorf("DurationOf(%s) = %v, %v; want %v, %v", tt.marker, got, ok, tt.want, tt.ok)
			}
		})
	}
	if _, ok := tp.DurationOf(nil); ok {
		t.Error("DurationOf(nil) is known")
	}
}
