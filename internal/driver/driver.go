// Package driver is meshlint's command line: the standalone checker
// (meshlint [flags] [packages]) and the go vet -vettool protocol. It only
// lists analyzers and wires output; rule logic lives in the analyzers.
package driver

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/unitchecker"
	"golang.org/x/tools/go/packages"

	"github.com/meshlint/meshlint/internal/lint"
)

// Exit codes (SPEC "Driver").
const (
	ExitOK       = 0 // no findings
	ExitFailure  = 1 // packages failed to load, or analysis failed
	ExitUsage    = 2 // bad flag, bad flag value, unknown analyzer
	ExitFindings = 3 // findings reported
)

// Program describes one meshlint-style binary: its name and analyzers.
type Program struct {
	Name      string
	Analyzers []*analysis.Analyzer
	Stdout    io.Writer
	Stderr    io.Writer
}

// Main runs the program on os.Args and exits.
func Main(name string, analyzers []*analysis.Analyzer) {
	if err := analysis.Validate(analyzers); err != nil {
		fmt.Fprintf(os.Stderr, "%s: internal error: %v\n", name, err)
		os.Exit(ExitFailure)
	}
	p := &Program{Name: name, Analyzers: analyzers, Stdout: os.Stdout, Stderr: os.Stderr}
	args := os.Args[1:]
	if isVetInvocation(args) {
		// go vet -vettool: validate the flags first so that a bad value
		// gets one clear line and exit 2, then hand over to unitchecker,
		// which speaks the vet protocol (-V=full, -flags, unit.cfg) and
		// serializes facts between packages.
		if _, err := p.parseFlags(args, true); err != nil {
			// go vet runs the tool once per package: fail once per go vet
			// run (the go command is our parent process), with one line,
			// and let the other packages' runs end quietly; the go vet
			// run as a whole still fails.
			first, unique := firstInRun()
			if first {
				fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name, err)
				os.Exit(ExitUsage)
			}
			if !unique {
				os.Exit(ExitUsage)
			}
			os.Exit(ExitOK)
		}
		unitchecker.Main(analyzers...)
		return
	}
	os.Exit(p.Run(args))
}

// firstInRun reports whether this is the first meshlint process of the
// current go vet run to ask, using a marker file named after the parent
// process (the go command) and, where /proc tells it, the parent's start
// time, so that a reused PID never silences a later run. ok is false when
// the run cannot be identified uniquely (no /proc): then every process
// must fail on its own.
func firstInRun() (first, ok bool) {
	ppid := os.Getppid()
	start, ok := startTime(ppid)
	if !ok {
		return true, false
	}
	removeStaleMarkers()
	name := filepath.Join(os.TempDir(), fmt.Sprintf("%s%d-%s", markerPrefix, ppid, start))
	f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		if os.IsExist(err) {
			return false, true // another process of this run reported it
		}
		return true, false
	}
	f.Close()
	return true, true
}

// markerPrefix names firstInRun's marker files in the temporary directory.
const markerPrefix = "meshlint-vet-flagerr-"

// startTime returns the start time of process pid as /proc tells it.
func startTime(pid int) (string, bool) {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return "", false
	}
	// Field 22 is the start time; fields after the ")" of the command name.
	fields := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
	if len(fields) < 20 {
		return "", false
	}
	return fields[19], true
}

// removeStaleMarkers removes the marker files of go vet runs that have
// ended: their go command is gone, or its PID now belongs to another
// process (another start time). A marker cannot be removed by its own run
// (no process knows it is the last one), so each run cleans up after the
// earlier ones.
func removeStaleMarkers() {
	names, _ := filepath.Glob(filepath.Join(os.TempDir(), markerPrefix+"*"))
	for _, name := range names {
		pid, start, ok := strings.Cut(strings.TrimPrefix(filepath.Base(name), markerPrefix), "-")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(pid)
		if err != nil {
			continue
		}
		if now, alive := startTime(n); !alive || now != start {
			os.Remove(name)
		}
	}
}

// isVetInvocation reports whether go vet is driving us: it asks for the
// version (-V=full) and flags (-flags), then passes one unit.cfg file.
func isVetInvocation(args []string) bool {
	for _, a := range args {
		switch strings.TrimLeft(a, "-") {
		case "V=full", "flags":
			return strings.HasPrefix(a, "-")
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// options are the parsed command line of a standalone run.
type options struct {
	enabled    []*analysis.Analyzer
	json       bool
	fix        bool
	context    int
	version    bool
	cpuprofile string
	memprofile string
	tests      bool
	dir        string
	sarif      string
	args       []string
}

// triState is an analyzer enable flag: unset, true or false.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (t *triState) IsBoolFlag() bool { return true }
func (t *triState) Get() any         { return *t == setTrue }
func (t *triState) String() string {
	switch *t {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}
func (t *triState) Set(v string) error {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	if b {
		*t = setTrue
	} else {
		*t = setFalse
	}
	return nil
}

// errHelp is returned by parseFlags for -h/-help.
var errHelp = errors.New("help requested")

// parseFlags parses args. With vet set, it accepts exactly the flags
// unitchecker accepts (so that validation matches what runs next).
func (p *Program) parseFlags(args []string, vet bool) (*options, error) {
	fs := flag.NewFlagSet(p.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	o := &options{}
	enable := make(map[*analysis.Analyzer]*triState)
	for _, a := range p.Analyzers {
		ts := new(triState)
		enable[a] = ts
		fs.Var(ts, a.Name, fmt.Sprintf("enable the %s analyzer (-%s=false disables it)", a.Name, a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.BoolVar(&o.json, "json", false, "print findings as JSON on stdout (the x/tools format)")
	fs.IntVar(&o.context, "c", -1, "print the offending line with this many lines of context")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes to the source files")
	if vet {
		// Flags unitchecker (analysisflags) defines; accepted, not used here.
		fs.Bool("flags", false, "")
		fs.String("V", "", "")
		fs.Bool("diff", false, "")
		fs.Bool("source", false, "")
		fs.Bool("v", false, "")
		fs.Bool("all", false, "")
		fs.String("tags", "", "")
	} else {
		fs.BoolVar(&o.version, "version", false, "print meshlint's version and exit")
		fs.StringVar(&o.dir, "C", "", "change to this directory before loading packages (like go -C)")
		fs.BoolVar(&o.tests, "test", false, "also load test packages (findings in _test.go files are never reported)")
		fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile to this file")
		fs.StringVar(&o.memprofile, "memprofile", "", "write a memory profile to this file")
		fs.StringVar(&o.sarif, "sarif", "", "also write the findings, suppressed ones included, as SARIF 2.1.0 to this file")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, errHelp
		}
		return nil, err
	}
	o.args = fs.Args()
	if o.context < -1 {
		return nil, fmt.Errorf("invalid value %d for flag -c: must be 0 or more", o.context)
	}

	// Selection, as in x/tools: any -NAME=true selects only those;
	// otherwise -NAME=false removes analyzers from the full set.
	var anyTrue bool
	for _, ts := range enable {
		anyTrue = anyTrue || *ts == setTrue
	}
	for _, a := range p.Analyzers {
		switch ts := *enable[a]; {
		case anyTrue && ts == setTrue, !anyTrue && ts != setFalse:
			o.enabled = append(o.enabled, a)
		}
	}
	return o, nil
}

// Run runs the standalone checker and returns the exit code: parse the
// command line, load the packages, analyze them, emit the findings.
func (p *Program) Run(args []string) (code int) {
	o, code, done := p.setup(args)
	if done {
		return code
	}
	stop, err := o.startProfiles()
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name, err)
		return ExitFailure
	}
	defer func() {
		if err := stop(); err != nil {
			fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name, err)
			code = ExitFailure // a profile asked for and not written is a failure
		}
	}()
	res, code := p.analyze(o)
	if res == nil {
		return code
	}
	return p.emit(o, res, code)
}

// setup parses the command line and handles what needs no packages
// (help, -version, usage errors, -C). done reports that the run is over,
// with the exit code.
func (p *Program) setup(args []string) (o *options, code int, done bool) {
	o, err := p.parseFlags(args, false)
	switch {
	case err == errHelp:
		p.printHelp(nil)
		return nil, ExitOK, true
	case err != nil:
		fmt.Fprintf(p.Stderr, "%s: %v\nrun '%s help' for usage\n", p.Name, err, p.Name)
		return nil, ExitUsage, true
	case o.version:
		fmt.Fprintf(p.Stdout, "%s %s (%s)\n", p.Name, Version(), runtime.Version())
		return nil, ExitOK, true
	case len(o.args) > 0 && o.args[0] == "help":
		return nil, p.help(o.args[1:]), true
	case len(o.enabled) == 0:
		fmt.Fprintf(p.Stderr, "%s: every analyzer is disabled; nothing to do\n", p.Name)
		return nil, ExitUsage, true
	case o.fix && o.json:
		fmt.Fprintf(p.Stderr, "%s: -fix and -json cannot be combined\n", p.Name)
		return nil, ExitUsage, true
	}
	if o.dir != "" {
		if err := os.Chdir(o.dir); err != nil {
			fmt.Fprintf(p.Stderr, "%s: -C: %v\n", p.Name, err)
			return nil, ExitUsage, true
		}
	}
	if len(o.args) == 0 {
		o.args = []string{"./..."}
	}
	return o, ExitOK, false
}

// startProfiles starts the -cpuprofile and -memprofile profiles; stop
// ends them and reports what could not be written.
func (o *options) startProfiles() (stop func() error, err error) {
	var cpu *os.File
	if o.cpuprofile != "" {
		if cpu, err = os.Create(o.cpuprofile); err != nil {
			return nil, fmt.Errorf("-cpuprofile: %v", err)
		}
		if err := pprof.StartCPUProfile(cpu); err != nil {
			cpu.Close()
			return nil, fmt.Errorf("-cpuprofile: %v", err)
		}
	}
	return func() error {
		var errs []error
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				errs = append(errs, fmt.Errorf("-cpuprofile: %v", err))
			}
		}
		if o.memprofile != "" {
			if err := writeHeapProfile(o.memprofile); err != nil {
				errs = append(errs, fmt.Errorf("-memprofile: %v", err))
			}
		}
		return errors.Join(errs...)
	}, nil
}

func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// A result is what one analysis run produced.
type result struct {
	graph      *checker.Graph // roots: the packages the patterns matched
	findings   []finding      // sorted, suppressed ones excluded
	suppressed []finding      // silenced by //meshlint:ignore (only with -sarif)
}

// analyze loads the packages and runs the analyzers. It returns a nil
// result when nothing could be analyzed, with the exit code; otherwise the
// code says whether loading or an analyzer failed.
func (p *Program) analyze(o *options) (*result, int) {
	code := ExitOK
	pkgs, extra, err := load(o.args, o.tests)
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name, err)
		return nil, ExitFailure
	}
	if n := p.printLoadErrors(pkgs); n > 0 {
		code = ExitFailure
	}
	// With -sarif, suppressed findings are reported (marked) so that SARIF
	// lists them; splitSuppressed takes them out of everything else.
	analyzers := lint.ForDriver(o.enabled, o.sarif != "")
	all := append(pkgs, extra...)
	keepSourceImports(all)
	graph, err := checker.Analyze(analyzers, all, &checker.Options{})
	if err != nil {
		fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name, err)
		return nil, ExitFailure
	}
	graph = onlyRoots(graph, pkgs)
	res := &result{graph: graph, suppressed: splitSuppressed(graph)}
	var failed bool
	res.findings, failed = p.collect(graph)
	if failed {
		code = ExitFailure
	}
	return res, code
}

// keepSourceImports drops from each package's imports the packages loaded
// from export data. The checker follows imports only to run analyzers
// that declare facts on them, and facts are computed only from syntax
// (lint.Run skips a package without it), so those actions would compute
// nothing; on a service with a thousand dependencies they cost a tenth of
// the run's memory. Call it after the load errors are printed (they walk
// the whole import graph).
func keepSourceImports(pkgs []*packages.Package) {
	loaded := make(map[*packages.Package]bool, len(pkgs))
	for _, pkg := range pkgs {
		loaded[pkg] = true
	}
	for _, pkg := range pkgs {
		kept := make(map[string]*packages.Package)
		for path, imp := range pkg.Imports {
			if loaded[imp] {
				kept[path] = imp
			}
		}
		pkg.Imports = kept
	}
}

// onlyRoots keeps the actions of the packages the patterns matched: the
// module packages load added for facts (see load) are not reported on.
func onlyRoots(graph *checker.Graph, pkgs []*packages.Package) *checker.Graph {
	keep := make(map[*packages.Package]bool, len(pkgs))
	for _, pkg := range pkgs {
		keep[pkg] = true
	}
	var roots []*checker.Action
	for _, act := range graph.Roots {
		if keep[act.Package] {
			roots = append(roots, act)
		}
	}
	return &checker.Graph{Roots: roots}
}

// emit writes the findings (text or JSON, SARIF, or applies -fix) and
// returns the exit code.
func (p *Program) emit(o *options, res *result, code int) int {
	findings := res.findings
	if o.fix {
		remaining, err := p.applyFixes(findings)
		if err != nil {
			fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name, err)
			return ExitFailure
		}
		findings = remaining
	}
	if o.json {
		if err := res.graph.PrintJSON(p.Stdout); err != nil {
			fmt.Fprintf(p.Stderr, "%s: %v\n", p.Name, err)
			return ExitFailure
		}
	} else {
		p.printText(findings, o.context)
	}
	if o.sarif != "" {
		if err := p.writeSARIF(o.sarif, findings, res.suppressed); err != nil {
			fmt.Fprintf(p.Stderr, "%s: -sarif: %v\n", p.Name, err)
			return ExitFailure
		}
	}
	if len(findings) > 0 && code == ExitOK {
		code = ExitFindings
	}
	return code
}

// A finding is one diagnostic with its analyzer and resolved position.
type finding struct {
	Analyzer string
	Posn     token.Position
	End      token.Position
	Diag     analysis.Diagnostic
	Fset     *token.FileSet
}

// collect gathers the root actions' diagnostics, de-duplicated and sorted
// (file, line, column, analyzer, message) so output is deterministic. It
// prints analysis errors (an analyzer that failed on one package does not
// lose the findings of the others) and reports whether any occurred.
func (p *Program) collect(graph *checker.Graph) (findings []finding, failed bool) {
	type key struct {
		analyzer, msg string
		posn          token.Position
	}
	seen := make(map[key]bool)
	for _, act := range graph.Roots {
		if act.Err != nil {
			if skipped(act) {
				continue // already reported as a load error
			}
			fmt.Fprintf(p.Stderr, "%s: %s: %v\n", p.Name, act, act.Err)
			failed = true
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			k := key{act.Analyzer.Name, d.Message, posn}
			if seen[k] {
				continue
			}
			seen[k] = true
			f := finding{Analyzer: act.Analyzer.Name, Posn: posn, Diag: d, Fset: act.Package.Fset}
			if d.End.IsValid() {
				f.End = act.Package.Fset.Position(d.End)
			}
			findings = append(findings, f)
		}
	}
	sort.SliceStable(findings, func(i, j int) bool {
		a, b := findings[i], findings[j]
		if a.Posn.Filename != b.Posn.Filename {
			return a.Posn.Filename < b.Posn.Filename
		}
		if a.Posn.Line != b.Posn.Line {
			return a.Posn.Line < b.Posn.Line
		}
		if a.Posn.Column != b.Posn.Column {
			return a.Posn.Column < b.Posn.Column
		}
		if a.Analyzer != b.Analyzer {
			return a.Analyzer < b.Analyzer
		}
		return a.Diag.Message < b.Diag.Message
	})
	return findings, failed
}

// skipped reports whether the checker skipped act because its package
// has errors (already printed as load errors) and the analyzer does not
// run despite them: its error says so, and nothing else went wrong.
func skipped(act *checker.Action) bool {
	if len(act.Package.Errors) == 0 || act.Analyzer.RunDespiteErrors {
		return false
	}
	for _, dep := range act.Deps {
		if dep.Err != nil && !skipped(dep) {
			return false
		}
	}
	return true
}

// printText prints findings as "file:line:col: message (analyzer)", with
// file names relative to the working directory when below it.
func (p *Program) printText(findings []finding, context int) {
	for _, f := range findings {
		fmt.Fprintf(p.Stderr, "%s:%d:%d: %s (%s)\n", relPath(f.Posn.Filename), f.Posn.Line, f.Posn.Column, f.Diag.Message, f.Analyzer)
		if context >= 0 {
			printContext(p.Stderr, f.Posn, context)
		}
	}
}

// printContext prints the offending line with n lines around it.
func printContext(w io.Writer, posn token.Position, n int) {
	data, err := os.ReadFile(posn.Filename)
	if err != nil {
		return
	}
	lines := strings.Split(string(data), "\n")
	for i := max(posn.Line-n, 1); i <= min(posn.Line+n, len(lines)); i++ {
		fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
	}
}

// relPath returns name relative to the working directory when it lies
// below it.
func relPath(name string) string {
	wd, err := os.Getwd()
	if err != nil {
		return name
	}
	if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return name
}

// printLoadErrors prints package loading errors (list, parse and type
// errors) once each and returns their count.
func (p *Program) printLoadErrors(pkgs []*packages.Package) int {
	var msgs []string
	seen := make(map[string]bool)
	packages.Visit(pkgs, nil, func(pkg *packages.Package) {
		// A package that does not compile has the go command's compiler
		// output ("# pkg" and the errors, unpositioned) as well as the
		// same errors from the parser and type checker, one per line with
		// its position: print those only.
		checked := slices.ContainsFunc(pkg.Errors, func(e packages.Error) bool {
			return e.Kind == packages.ParseError || e.Kind == packages.TypeError
		})
		for _, err := range pkg.Errors {
			if checked && err.Kind == packages.ListError && (err.Pos == "" || err.Pos == "-") {
				continue
			}
			msg := err.Msg
			if err.Pos != "" && err.Pos != "-" {
				msg = relPath(err.Pos) + ": " + msg
			}
			if !seen[msg] {
				seen[msg] = true
				msgs = append(msgs, msg)
			}
		}
	})
	for _, m := range msgs {
		fmt.Fprintf(p.Stderr, "%s: %s\n", p.Name, m)
	}
	return len(msgs)
}

// load loads the packages matching patterns from source, and their
// dependencies from export data. Analyzers that declare facts (ctxprop's
// rule 6 summaries) compute them only for packages loaded from source
// (lint.Run skips the others, and keepSourceImports keeps the checker from
// running them there), so facts cost no source loading of dependencies. The packages
// of the main module that the matched packages import but the patterns
// left out (meshlint ./cmd/... with helpers in ./internal) are loaded from
// source too, as extra, so that their facts reach the matched packages as
// they do under go vet; they are analyzed, not reported on.
func load(patterns []string, tests bool) (pkgs, extra []*packages.Package, err error) {
	cfg := &packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Tests: tests}
	pkgs, err = packages.Load(cfg, patterns...)
	if err != nil {
		return nil, nil, err
	}
	if len(pkgs) == 0 {
		return nil, nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	missing := moduleDeps(pkgs)
	if len(missing) == 0 {
		return pkgs, nil, nil
	}
	all, err := packages.Load(cfg, append(slices.Clone(patterns), missing...)...)
	if err != nil {
		return pkgs, nil, nil // analyze what the patterns matched
	}
	matched := make(map[string]bool, len(pkgs))
	for _, pkg := range pkgs {
		matched[pkg.ID] = true
	}
	pkgs = pkgs[:0]
	for _, pkg := range all {
		if matched[pkg.ID] {
			pkgs = append(pkgs, pkg)
		} else {
			extra = append(extra, pkg)
		}
	}
	return pkgs, extra, nil
}

// moduleDeps returns the import paths of the packages of a main module
// that pkgs import, directly or not, without having been matched.
func moduleDeps(pkgs []*packages.Package) []string {
	matched := make(map[*packages.Package]bool, len(pkgs))
	for _, pkg := range pkgs {
		matched[pkg] = true
	}
	var missing []string
	packages.Visit(pkgs, nil, func(pkg *packages.Package) {
		if !matched[pkg] && pkg.Module != nil && pkg.Module.Main && len(pkg.Syntax) == 0 {
			missing = append(missing, pkg.PkgPath)
		}
	})
	sort.Strings(missing)
	return missing
}

// Version returns the module version meshlint was built from:
// "v1.2.3" for go install ...@v1.2.3, "(devel)" for a local build.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// help implements "meshlint help [NAME...]".
func (p *Program) help(names []string) int {
	if len(names) == 0 {
		p.printHelp(nil)
		return ExitOK
	}
	var picked []*analysis.Analyzer
	for _, n := range names {
		i := slices.IndexFunc(p.Analyzers, func(a *analysis.Analyzer) bool { return a.Name == n })
		if i < 0 {
			var known []string
			for _, a := range p.Analyzers {
				known = append(known, a.Name)
			}
			fmt.Fprintf(p.Stderr, "%s: unknown analyzer %q (known: %s)\n", p.Name, n, strings.Join(known, ", "))
			return ExitUsage
		}
		picked = append(picked, p.Analyzers[i])
	}
	p.printHelp(picked)
	return ExitOK
}

func (p *Program) printHelp(picked []*analysis.Analyzer) {
	w := p.Stdout
	if picked != nil {
		for _, a := range picked {
			fmt.Fprintf(w, "%s: %s\n", a.Name, strings.TrimSpace(a.Doc))
			first := true
			a.Flags.VisitAll(func(f *flag.Flag) {
				if first {
					fmt.Fprintf(w, "\nFlags:\n")
					first = false
				}
				fmt.Fprintf(w, "  -%s.%s\n    \t%s\n", a.Name, f.Name, f.Usage)
			})
			if a.URL != "" {
				fmt.Fprintf(w, "\nDocs: %s\n", a.URL)
			}
			fmt.Fprintln(w)
		}
		return
	}
	fmt.Fprintf(w, `%[1]s finds Go code that breaks behind an Istio sidecar.

Usage:
  %[1]s [flags] [packages]      analyze packages (go list patterns; default ./...)
  %[1]s help [analyzer]         show this help, or one analyzer's documentation
  go vet -vettool=$(command -v %[1]s) [flags] ./...

Analyzers:
`, p.Name)
	for _, a := range p.Analyzers {
		title, _, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(w, "  %-17s %s\n", a.Name, title)
	}
	fmt.Fprintf(w, `
All analyzers run by default. -NAME=false disables one; -NAME selects only
the analyzers named that way.

Flags:
  -json             print findings as JSON on stdout (the x/tools format)
  -fix              apply suggested fixes
  -c N              print each offending line with N lines of context
  -C DIR            change to DIR before loading packages (like go -C)
  -test             also load test packages (_test.go findings are never reported)
  -sarif FILE       also write SARIF 2.1.0 to FILE (suppressed findings included,
                    marked as suppressed); relative to -C
  -version          print the version and exit
  -cpuprofile FILE, -memprofile FILE
                    write profiles of the run
`)
	for _, a := range p.Analyzers {
		a.Flags.VisitAll(func(f *flag.Flag) {
			fmt.Fprintf(w, "  -%s.%s\n                    %s\n", a.Name, f.Name, f.Usage)
		})
	}
	fmt.Fprintf(w, `
Suppress one finding with a reason, on its line or the line above:
  //meshlint:ignore NAME[,NAME] reason

Exit codes: 0 no findings, 3 findings, 1 packages failed to load or
analysis failed, 2 usage error.
`)
}
