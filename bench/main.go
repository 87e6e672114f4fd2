// Command bench measures meshlint against its floors and its peers.
//
// Run it from this directory (it is its own module, so that the corpus
// modules it pins do not enter meshlint's go.mod):
//
//	cd bench && go run .                 # full run (std, example, corpus; 5 repetitions; peers on example and corpus)
//	cd bench && go run . -n 3 -tools meshlint,floor,factfloor,vet-cold,vet-warm,staticcheck,gosec,noctx
//	cd bench && go run . -quick          # smoke test: example service, 1 repetition
//	cd bench && go run . -n 3 -targets corpus -tools meshlint,floor
//
// It builds, from this module (so that all three share exactly the same
// dependency versions):
//
//   - meshlint (../cmd/meshlint, every registered analyzer);
//   - floor (./floor): internal/driver.Main with one analyzer that requires
//     nothing and does nothing: the cost of loading and of the driver;
//   - factfloor (./factfloor): the same with a no-op analyzer that declares
//     a fact type, so that the checker also runs it (with no syntax) on
//     every dependency loaded from export data: the cost of carrying facts.
//
// meshlint is compared with floor: the driver loads the same packages the
// same way whether or not an analyzer declares facts (dependencies from
// export data), so floor is the cost of loading and of the driver, and
// everything above it is meshlint's own, fact actions included. The peers staticcheck,
// gosec and noctx are installed with go install into a bench-private GOBIN
// (under the user cache directory) at pinned versions. go vet -vettool is
// timed three ways: fresh (empty private GOCACHE: compiles every
// dependency, 1 run), cold (build cache warm, no vet result cached: the
// binary is copied with a different content hash, which is what go vet keys
// its cache on) and warm (everything cached).
//
// The peers are timed on the targets named by -peer-targets (default
// example and corpus; add std to time them on the standard library too).
//
// The corpus is the packages of the modules pinned in go.mod (downloaded
// through the module proxy by the go command on first use), loaded by
// import path from this directory. One go list -e -export call per module
// compiles every package: a package that does not build in this build list
// (Error) and every package that imports one (DepsErrors) is skipped and
// listed with the reason, as are packages that need cgo. See
// docs/performance.md.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"
)

// corpus is the pinned real-world code meshlint is measured and triaged on.
// Keep in sync with go.mod (go get MODULE/...@VERSION, no go mod tidy).
var corpus = []struct{ Path, Version string }{
	{"github.com/prometheus/alertmanager", "v0.35.0"},
	{"github.com/minio/minio-go/v7", "v7.4.1"},
	{"github.com/hashicorp/vault/api", "v1.23.0"},
	{"github.com/caddyserver/caddy/v2", "v2.11.9"},
}

// peers are installed with go install at these versions.
var peers = map[string]string{
	"staticcheck": "honnef.co/go/tools/cmd/staticcheck@v0.8.2",
	"gosec":       "github.com/securego/gosec/v2/cmd/gosec@v2.30.0",
	"noctx":       "github.com/sonatard/noctx/cmd/noctx@v0.5.1",
}

var (
	flagN        = flag.Int("n", 5, "repetitions of meshlint and the floors per target")
	flagPeerN    = flag.Int("peer-n", 0, "repetitions of go vet and the peers per target (0: same as -n)")
	flagTargets  = flag.String("targets", "std,example,corpus", "comma-separated targets: std, example, corpus (all corpus modules in one run), corpus-each (one target per corpus module)")
	flagTools    = flag.String("tools", "meshlint,floor,factfloor,vet-fresh,vet-cold,vet-warm,staticcheck,gosec,noctx", "comma-separated tools to time")
	flagQuick    = flag.Bool("quick", false, "smoke test: -n 1 -targets example, vet-fresh skipped")
	flagMD       = flag.String("md", "", "also write the markdown report to this file")
	flagFindings = flag.String("findings", "", "write meshlint's corpus findings (module@version/file:line:col) to this file")
	flagWork     = flag.String("work", "", "work directory (default: a temporary directory, removed at the end)")
	flagPeerT    = flag.String("peer-targets", "example,corpus,corpus-each", "targets on which the peers (staticcheck, gosec, noctx) are timed; add std to time them on the standard library too")
)

// A target is a set of packages loaded from one directory.
type target struct {
	name    string
	dir     string
	pkgs    []string
	skipped []string            // corpus packages left out, with the reason
	dirs    map[string]string   // corpus package directory → import path
	deps    map[string][]string // corpus package → its transitive imports
	modules map[string]string
	n       int // package count (std, example)
}

// count is the number of packages t's patterns match.
func (t *target) count() int {
	if t.dirs != nil {
		return len(t.pkgs)
	}
	if t.n == 0 {
		out, err := goCmd(t.dir, nil, append([]string{"list", "-e"}, t.pkgs...)...).Output()
		if err != nil {
			return len(t.pkgs)
		}
		t.n = len(strings.Fields(string(out)))
	}
	return t.n
}

// A result is one timed run.
type result struct {
	wall     time.Duration
	rssKB    int64
	code     int
	stdout   []byte
	stderr   []byte
	findings map[string]int // per analyzer (meshlint -json only)
	errors   int            // analysis errors in -json output
	count    int            // peers: number of findings
}

type env struct {
	benchDir, root, work, gobin string
	meshlint, floor, factfloor  string
}

func main() {
	flag.Parse()
	if *flagQuick {
		*flagN = 1
		*flagTargets = "example"
		*flagTools = strings.ReplaceAll(*flagTools, "vet-fresh,", "")
	}
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run() error {
	e := &env{}
	var err error
	if e.benchDir, err = os.Getwd(); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(e.benchDir, "floor", "main.go")); err != nil {
		return fmt.Errorf("run from the bench directory (cd bench && go run .)")
	}
	e.root = filepath.Dir(e.benchDir)
	e.work = *flagWork
	if e.work == "" {
		if e.work, err = os.MkdirTemp("", "meshlint-bench"); err != nil {
			return err
		}
		defer os.RemoveAll(e.work)
	} else if err := os.MkdirAll(e.work, 0o755); err != nil {
		return err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return err
	}
	e.gobin = filepath.Join(cache, "meshlint-bench", "gobin")

	tools := splitList(*flagTools)
	logf("building meshlint, floor and factfloor")
	e.meshlint = filepath.Join(e.work, "meshlint")
	e.floor = filepath.Join(e.work, "floor")
	e.factfloor = filepath.Join(e.work, "factfloor")
	for _, b := range [][2]string{{e.meshlint, "github.com/meshlint/meshlint/cmd/meshlint"}, {e.floor, "./floor"}, {e.factfloor, "./factfloor"}} {
		if out, err := goCmd(e.benchDir, nil, "build", "-o", b[0], b[1]).CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", b[1], err, out)
		}
	}
	for _, t := range tools {
		if mod, ok := peers[t]; ok {
			if err := installPeer(e, t, mod); err != nil {
				return err
			}
		}
	}

	targets, err := resolveTargets(e, splitList(*flagTargets))
	if err != nil {
		return err
	}
	var report bytes.Buffer
	header(&report, e)
	for _, t := range targets {
		if err := measure(e, t, tools, &report); err != nil {
			return err
		}
	}
	os.Stdout.Write(report.Bytes())
	if *flagMD != "" {
		return os.WriteFile(*flagMD, report.Bytes(), 0o644)
	}
	return nil
}

// measure times every tool on target t and appends its table to report.
func measure(e *env, t *target, tools []string, report *bytes.Buffer) error {
	logf("target %s: %d packages", t.name, t.count())
	// Warm the build cache (export data for go list -export) so that
	// no timed run pays for compiling dependencies. On the corpus, leave
	// out packages that do not type-check in this build list (the
	// corpus modules share one: a dependency may be at a newer version
	// than the one a package was written for).
	for {
		logf("  %s: untimed warm-up run (compiles dependencies on a cold build cache)", t.name)
		r := runTool(e, t, "floor", 0)
		logf("  %s: warm-up took %.1fs, exit %d", t.name, r.wall.Seconds(), r.code)
		if r.code == 0 {
			break
		}
		if t.dirs == nil || !dropBroken(t, r.stderr) {
			return fmt.Errorf("warm-up floor run on %s failed (exit %d):\n%s", t.name, r.code, tail(r.stderr))
		}
	}
	results := make(map[string][]result)
	for i := 0; i < *flagN; i++ {
		for _, tool := range tools {
			if tool == "vet-fresh" && i > 0 {
				continue // compiles every dependency: once is enough
			}
			if !ours(tool) && i >= peerN() {
				continue
			}
			if isPeer(tool) && !peerTarget(t) {
				continue
			}
			r := runTool(e, t, tool, i)
			logf("  %s #%d %-12s %8.2fs %6d MiB exit %d (load %s)", t.name, i+1, tool, r.wall.Seconds(), r.rssKB/1024, r.code, loadavg())
			results[tool] = append(results[tool], r)
		}
	}
	fmt.Fprintf(report, "Load average (1/5/15 min) at the end of the %s runs: %s\n\n", t.name, loadavg())
	table(report, e, t, tools, results)
	if *flagFindings != "" && strings.HasPrefix(t.name, "corpus") && len(results["meshlint"]) > 0 {
		if err := writeFindings(*flagFindings, t, results["meshlint"][0].stdout); err != nil {
			return err
		}
	}
	return nil
}

// ours reports whether tool is meshlint or one of its floors.
func ours(tool string) bool {
	return tool == "meshlint" || tool == "floor" || tool == "factfloor"
}

func isPeer(tool string) bool {
	_, ok := peers[tool]
	return ok
}

func peerTarget(t *target) bool {
	name, _, _ := strings.Cut(t.name, "/")
	if name == "corpus" && t.name != "corpus" {
		name = "corpus-each"
	}
	return slices.Contains(splitList(*flagPeerT), name)
}

func peerN() int {
	if *flagPeerN > 0 {
		return *flagPeerN
	}
	return *flagN
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// loadavg is the 1, 5 and 15 minute load averages (other processes share
// the machine: say so next to the figures).
func loadavg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], "/")
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
}

func tail(b []byte) string {
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

// goCmd is a go command in dir with the bench environment.
func goCmd(dir string, extraEnv []string, args ...string) *exec.Cmd {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(benchEnv(), extraEnv...)
	return cmd
}

// benchEnv is the environment of every child: no workspace, no go.mod
// updates.
func benchEnv() []string {
	return append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
}

func installPeer(e *env, name, mod string) error {
	if _, err := os.Stat(filepath.Join(e.gobin, name)); err == nil {
		return nil
	}
	logf("installing %s into %s", mod, e.gobin)
	cmd := exec.Command("go", "install", mod)
	cmd.Dir = os.TempDir() // outside any module
	cmd.Env = append(os.Environ(), "GOBIN="+e.gobin, "GOFLAGS=", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go install %s: %v\n%s", mod, err, out)
	}
	return nil
}

// resolveTargets turns target names into package lists.
func resolveTargets(e *env, names []string) ([]*target, error) {
	var out []*target
	for _, n := range names {
		switch n {
		case "std":
			out = append(out, &target{name: "std", dir: e.benchDir, pkgs: []string{"std"}})
		case "example":
			out = append(out, &target{name: "example", dir: filepath.Join(e.root, "examples", "ordersvc"), pkgs: []string{"./..."}})
		case "corpus", "corpus-each":
			all := &target{name: "corpus", dir: e.benchDir, modules: map[string]string{}, dirs: map[string]string{}, deps: map[string][]string{}}
			for _, m := range corpus {
				t, err := corpusTarget(e, m.Path, m.Version)
				if err != nil {
					return nil, err
				}
				if n == "corpus-each" {
					out = append(out, t)
				}
				all.pkgs = append(all.pkgs, t.pkgs...)
				all.skipped = append(all.skipped, t.skipped...)
				all.modules[m.Path] = m.Version
				maps.Copy(all.dirs, t.dirs)
				maps.Copy(all.deps, t.deps)
			}
			if n == "corpus" {
				out = append(out, all)
			}
		default:
			return nil, fmt.Errorf("unknown target %q", n)
		}
	}
	return out, nil
}

// corpusTarget lists the packages of one corpus module that build in the
// bench module's build list and need no cgo. go list -e -export compiles
// every package (which also fills the build cache with the export data
// the timed runs load): a package that does not compile has Error set, and
// every package that imports a broken one, directly or not, has
// DepsErrors set, so one call finds them all.
func corpusTarget(e *env, path, version string) (*target, error) {
	cmd := goCmd(e.benchDir, nil, "list", "-e", "-export", "-json=ImportPath,Dir,Module,Error,DepsErrors,CgoFiles,Deps", path+"/...")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list %s/...: %v", path, err)
	}
	short := path[strings.LastIndex(path, "/")+1:]
	t := &target{name: "corpus/" + short, dir: e.benchDir, modules: map[string]string{path: version}, dirs: map[string]string{}, deps: map[string][]string{}}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath string
			Dir        string
			Module     *struct{ Path, Version string }
			Error      *struct{ Err string }
			DepsErrors []*struct {
				ImportStack []string
				Err         string
			}
			CgoFiles []string
			Deps     []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		if p.Module == nil || p.Module.Path != path {
			continue // a nested module (e.g. vault/api/auth/*)
		}
		if p.Module.Version != version {
			return nil, fmt.Errorf("%s is at %s in go.mod, want %s", path, p.Module.Version, version)
		}
		switch {
		case p.Error != nil:
			t.skipped = append(t.skipped, p.ImportPath+": "+oneLine(p.Error.Err))
		case len(p.DepsErrors) > 0:
			d := p.DepsErrors[0]
			via := ""
			if n := len(d.ImportStack); n > 0 {
				via = " (in " + d.ImportStack[n-1] + ")"
			}
			t.skipped = append(t.skipped, p.ImportPath+": imports a package that does not build"+via+": "+oneLine(d.Err))
		case len(p.CgoFiles) > 0:
			t.skipped = append(t.skipped, p.ImportPath+": needs cgo")
		default:
			t.pkgs = append(t.pkgs, p.ImportPath)
			t.dirs[p.Dir] = p.ImportPath
			t.deps[p.ImportPath] = p.Deps
		}
	}
	if len(t.pkgs) == 0 {
		return nil, fmt.Errorf("corpus module %s: no loadable packages", path)
	}
	return t, nil
}

// dropBroken is the fallback for errors the compiler accepts but go/types
// rejects (none with the pinned corpus): it removes from t the packages
// that floor's load errors ("floor: /dir/file.go:line:col: message") point
// into, and every package that imports one of them, and reports whether it
// removed any. An error it cannot attribute to a corpus package makes the
// caller fail instead of looping.
func dropBroken(t *target, stderr []byte) bool {
	reason := make(map[string]string)
	for _, l := range strings.Split(string(stderr), "\n") {
		l = strings.TrimPrefix(l, "floor: ")
		file, _, ok := strings.Cut(l, ":")
		if !ok || !strings.HasSuffix(file, ".go") {
			continue
		}
		if ip, ok := t.dirs[filepath.Dir(file)]; ok && reason[ip] == "" {
			reason[ip] = "type errors in this build list: " + l
		}
	}
	if len(reason) == 0 {
		return false
	}
	var keep []string
	for _, p := range t.pkgs {
		if r, ok := reason[p]; ok {
			t.skipped = append(t.skipped, p+": "+r)
			continue
		}
		broken := ""
		for _, d := range t.deps[p] {
			if reason[d] != "" {
				broken = d
				break
			}
		}
		if broken != "" {
			t.skipped = append(t.skipped, p+": imports "+broken+", which does not type-check")
			continue
		}
		keep = append(keep, p)
	}
	removed := len(keep) < len(t.pkgs)
	t.pkgs = keep
	return removed
}

// oneLine joins the lines of a go list error ("# pkg\nfile:line: msg").
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// runTool runs one tool once on t.
func runTool(e *env, t *target, tool string, rep int) result {
	name, args, extraEnv, cleanup, err := toolCommand(e, t, tool, rep)
	defer cleanup()
	if err != nil {
		return result{code: -1, stderr: []byte(err.Error())}
	}
	return timeCommand(t, tool, name, args, extraEnv)
}

// toolCommand returns the command line of one timed run of tool on t,
// and what to remove after it.
func toolCommand(e *env, t *target, tool string, rep int) (name string, args, extraEnv []string, cleanup func(), err error) {
	var remove []string
	cleanup = func() {
		for _, r := range remove {
			os.RemoveAll(r)
		}
	}
	switch tool {
	case "meshlint", "floor", "factfloor":
		name = map[string]string{"meshlint": e.meshlint, "floor": e.floor, "factfloor": e.factfloor}[tool]
		args = append([]string{"-json"}, t.pkgs...)
	case "vet-fresh":
		gocache := filepath.Join(e.work, fmt.Sprintf("gocache-fresh-%s-%d", strings.ReplaceAll(t.name, "/", "_"), rep))
		remove = append(remove, gocache)
		name, args = "go", append([]string{"vet", "-vettool=" + e.meshlint}, t.pkgs...)
		extraEnv = []string{"GOCACHE=" + gocache}
	case "vet-cold":
		// A copy of meshlint with a different content hash: go vet keys
		// its result cache on the tool's -V=full output, which for a
		// devel build is the hash of the executable.
		bin := filepath.Join(e.work, fmt.Sprintf("meshlint-vet-%d-%d", time.Now().UnixNano(), rep))
		if err := copyWithSalt(e.meshlint, bin); err != nil {
			return "", nil, nil, cleanup, err
		}
		remove = append(remove, bin)
		name, args = "go", append([]string{"vet", "-vettool=" + bin}, t.pkgs...)
		// Make sure the build cache holds the export data of every
		// dependency, including those of the test variants that go vet
		// also checks: an untimed go vet with the no-op floor as tool.
		if rep == 0 {
			goCmd(t.dir, nil, append([]string{"vet", "-vettool=" + e.floor}, t.pkgs...)...).Run()
		}
	case "vet-warm":
		name, args = "go", append([]string{"vet", "-vettool=" + e.meshlint}, t.pkgs...)
		if rep == 0 {
			goCmd(t.dir, nil, args...).Run() // fill the vet cache
		}
	case "staticcheck":
		cache := filepath.Join(e.work, fmt.Sprintf("staticcheck-cache-%d", rep))
		remove = append(remove, cache)
		name, args = filepath.Join(e.gobin, "staticcheck"), append([]string{"-f", "json"}, t.pkgs...)
		extraEnv = []string{"STATICCHECK_CACHE=" + cache} // cold, like meshlint standalone
	case "gosec":
		name, args = filepath.Join(e.gobin, "gosec"), append([]string{"-fmt=json", "-quiet", "-no-fail"}, gosecArgs(e, t)...)
	case "noctx":
		name, args = "go", append([]string{"vet", "-vettool=" + filepath.Join(e.gobin, "noctx")}, t.pkgs...)
		// cold vet cache is not possible without copying; noctx results
		// are cached by go vet like meshlint's, so use a salted copy.
		bin := filepath.Join(e.work, fmt.Sprintf("noctx-%d-%d", time.Now().UnixNano(), rep))
		if err := copyWithSalt(filepath.Join(e.gobin, "noctx"), bin); err == nil {
			remove = append(remove, bin)
			args[1] = "-vettool=" + bin
		}
	default:
		return "", nil, nil, cleanup, fmt.Errorf("unknown tool %s", tool)
	}
	return name, args, extraEnv, cleanup, nil
}

// timeCommand runs one command in t's directory and measures it.
func timeCommand(t *target, tool, name string, args, extraEnv []string) result {
	cmd := exec.Command(name, args...)
	if name == "go" {
		cmd = goCmd(t.dir, extraEnv, args...)
	} else {
		cmd.Dir = t.dir
		cmd.Env = append(benchEnv(), extraEnv...)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := result{wall: time.Since(start), stdout: stdout.Bytes(), stderr: stderr.Bytes()}
	if cmd.ProcessState != nil {
		r.code = cmd.ProcessState.ExitCode()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			r.rssKB = ru.Maxrss // kilobytes on Linux; includes reaped descendants
		}
	} else if err != nil {
		r.code = -1
		r.stderr = append(r.stderr, err.Error()...)
	}
	switch tool {
	case "meshlint", "floor", "factfloor":
		r.findings, r.errors = parseJSON(r.stdout)
	case "staticcheck":
		r.count = bytes.Count(r.stdout, []byte("\n"))
	case "gosec":
		var g struct{ Issues []json.RawMessage }
		if json.Unmarshal(r.stdout, &g) == nil {
			r.count = len(g.Issues)
		}
	case "vet-fresh", "vet-cold", "vet-warm", "noctx":
		r.count = countVetFindings(r.stderr)
	}
	return r
}

// gosecArgs returns gosec's arguments: it takes directories, not import
// paths, so give it each package's directory.
func gosecArgs(e *env, t *target) []string {
	if len(t.pkgs) == 1 && t.pkgs[0] == "./..." {
		return t.pkgs
	}
	out, err := goCmd(t.dir, nil, append([]string{"list", "-f", "{{.Dir}}"}, t.pkgs...)...).Output()
	if err != nil {
		return t.pkgs
	}
	return strings.Fields(string(out))
}

func copyWithSalt(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	data = append(data, []byte(fmt.Sprintf("\x00salt%d", time.Now().UnixNano()))...)
	return os.WriteFile(dst, data, 0o755)
}

// countVetFindings counts "file:line:col: message" lines in go vet output.
func countVetFindings(stderr []byte) int {
	n := 0
	for _, l := range strings.Split(string(stderr), "\n") {
		if strings.HasPrefix(l, "#") || strings.HasPrefix(l, "vet:") {
			continue
		}
		if i := strings.Index(l, ".go:"); i > 0 && strings.Contains(l[i:], ": ") {
			n++
		}
	}
	return n
}

// parseJSON counts findings per analyzer and analysis errors in the
// x/tools -json format: {pkg: {analyzer: [diag...] | {"error": ...}}}.
func parseJSON(out []byte) (map[string]int, int) {
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out, &tree); err != nil {
		return nil, -1
	}
	counts := make(map[string]int)
	errs := 0
	for _, byAnalyzer := range tree {
		for a, raw := range byAnalyzer {
			var diags []json.RawMessage
			if json.Unmarshal(raw, &diags) == nil {
				counts[a] += len(diags)
				continue
			}
			errs++
		}
	}
	return counts, errs
}

// writeFindings writes meshlint's findings on a corpus target as
// module@version/relative/file.go:line:col: analyzer: message.
func writeFindings(file string, t *target, out []byte) error {
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out, &tree); err != nil {
		return err
	}
	modcache, _ := exec.Command("go", "env", "GOMODCACHE").Output()
	prefix := strings.TrimSpace(string(modcache)) + string(filepath.Separator)
	var lines []string
	for _, byAnalyzer := range tree {
		for a, raw := range byAnalyzer {
			var diags []struct {
				Posn    string `json:"posn"`
				Message string `json:"message"`
			}
			if json.Unmarshal(raw, &diags) != nil {
				lines = append(lines, "ERROR "+a+": "+string(raw))
				continue
			}
			for _, d := range diags {
				lines = append(lines, fmt.Sprintf("%s: %s: %s", strings.TrimPrefix(d.Posn, prefix), a, d.Message))
			}
		}
	}
	sort.Strings(lines)
	lines = slices.Compact(lines)
	return os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
}

func header(w io.Writer, e *env) {
	mem := "?"
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(l, "MemTotal:") {
				var kb int64
				fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(l, "MemTotal:")), "%d", &kb)
				mem = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
			}
		}
	}
	gover, _ := exec.Command("go", "version").Output()
	mode := "LoadSyntax (dependencies from export data, facts or not) → ratio to floor"
	fmt.Fprintf(w, "Machine: %d CPUs (runtime.NumCPU), %s RAM, %s", runtime.NumCPU(), mem, gover)
	fmt.Fprintf(w, "Date: %s; repetitions: meshlint and floors %d, go vet and peers %d (vet-fresh 1)\n", time.Now().UTC().Format("2006-01-02 15:04 MST"), *flagN, peerN())
	fmt.Fprintf(w, "meshlint load mode: %s\n", mode)
	if out, err := exec.Command(e.meshlint, "help").Output(); err == nil {
		var names []string
		inList := false
		for _, l := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(l, "Analyzers:") {
				inList = true
				continue
			}
			if inList {
				f := strings.Fields(l)
				if len(f) == 0 {
					break
				}
				names = append(names, f[0])
			}
		}
		fmt.Fprintf(w, "Registered analyzers: %s\n", strings.Join(names, ", "))
	}
	fmt.Fprint(w, `
Tools: meshlint, floor and factfloor are standalone runs with -json (floor:
the same driver with one no-op analyzer; factfloor: a no-op that declares a
fact type, so that it also runs, with no syntax, on every dependency). vet-fresh: go vet
-vettool=meshlint with an empty private GOCACHE (compiles every dependency;
1 run). vet-cold: build cache warm, no vet result cached (salted copy of the
binary). vet-warm: the same go vet command again (go vet caches only package
runs that succeed, so a package with findings is analyzed again).
staticcheck: cold STATICCHECK_CACHE each run. gosec: -fmt=json on the
packages' directories. noctx: go vet -vettool=noctx, vet cache cold.
Peak RSS is ru_maxrss of the child (for go vet: the largest of the go
command and the tool processes it waited for). Findings: meshlint's by
analyzer from -json; peers: number of reports.
`)
	fmt.Fprintln(w)
}

func table(w io.Writer, e *env, t *target, tools []string, results map[string][]result) {
	fmt.Fprintf(w, "### %s (%d packages, dir %s)\n\n", t.name, t.count(), relTo(e.root, t.dir))
	if len(t.modules) > 0 {
		var mods []string
		for p, v := range t.modules {
			mods = append(mods, p+"@"+v)
		}
		sort.Strings(mods)
		fmt.Fprintf(w, "Modules: %s\n\n", strings.Join(mods, ", "))
	}
	if len(t.skipped) > 0 {
		fmt.Fprintf(w, "Skipped (do not load):\n\n")
		for _, s := range t.skipped {
			fmt.Fprintf(w, "- %s\n", s)
		}
		fmt.Fprintln(w)
	}
	floorName := "floor"
	floorWall, floorRSS := medians(results[floorName])
	fmt.Fprintf(w, "| tool | runs | wall min | wall median | peak RSS median | × %s wall | × %s RSS | exit | findings |\n", floorName, floorName)
	fmt.Fprintf(w, "|---|---:|---:|---:|---:|---:|---:|---:|---|\n")
	for _, tool := range tools {
		rs := results[tool]
		if len(rs) == 0 {
			continue
		}
		walls := make([]time.Duration, len(rs))
		for i, r := range rs {
			walls[i] = r.wall
		}
		slices.Sort(walls)
		med, rss := medians(rs)
		ratioW, ratioR := "", ""
		if (tool == "meshlint" || tool == "floor" || tool == "factfloor") && floorWall > 0 {
			ratioW = fmt.Sprintf("%.3f", med.Seconds()/floorWall.Seconds())
			ratioR = fmt.Sprintf("%.3f", float64(rss)/float64(floorRSS))
		}
		codes := map[int]bool{}
		var cs []string
		for _, r := range rs {
			if !codes[r.code] {
				codes[r.code] = true
				cs = append(cs, fmt.Sprint(r.code))
			}
		}
		fmt.Fprintf(w, "| %s | %d | %.2fs | %.2fs | %d MiB | %s | %s | %s | %s |\n",
			tool, len(rs), walls[0].Seconds(), med.Seconds(), rss/1024, ratioW, ratioR, strings.Join(cs, ","), findingsCell(tool, rs[0]))
	}
	fmt.Fprintln(w)
	// Determinism: every meshlint run printed the same JSON.
	if rs := results["meshlint"]; len(rs) > 1 {
		same := true
		for _, r := range rs[1:] {
			same = same && bytes.Equal(r.stdout, rs[0].stdout)
		}
		fmt.Fprintf(w, "meshlint -json output identical across the %d runs: %v\n\n", len(rs), same)
	}
	for _, tool := range tools {
		for _, r := range results[tool] {
			if r.code != 0 && r.code != 3 && !(r.code == 1 && tool != "meshlint" && tool != "floor" && tool != "factfloor") {
				fmt.Fprintf(w, "%s exited %d; stderr tail:\n\n```\n%s\n```\n\n", tool, r.code, tail(r.stderr))
				break
			}
		}
	}
}

func findingsCell(tool string, r result) string {
	switch tool {
	case "meshlint", "floor", "factfloor":
		if r.findings == nil {
			return "unparsable output"
		}
		var names []string
		for a := range r.findings {
			names = append(names, a)
		}
		sort.Strings(names)
		var parts []string
		for _, a := range names {
			parts = append(parts, fmt.Sprintf("%s %d", a, r.findings[a]))
		}
		if r.errors > 0 {
			parts = append(parts, fmt.Sprintf("analysis errors %d", r.errors))
		}
		if len(parts) == 0 {
			return "0"
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(r.count)
}

func medians(rs []result) (time.Duration, int64) {
	if len(rs) == 0 {
		return 0, 0
	}
	walls := make([]time.Duration, len(rs))
	rss := make([]int64, len(rs))
	for i, r := range rs {
		walls[i], rss[i] = r.wall, r.rssKB
	}
	slices.Sort(walls)
	slices.Sort(rss)
	return median(walls), median(rss)
}

func median[T time.Duration | int64](s []T) T {
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func relTo(root, dir string) string {
	if rel, err := filepath.Rel(root, dir); err == nil {
		return rel
	}
	return dir
}
