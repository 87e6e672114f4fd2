package lint

// Module source: the one reader of the analysed package's module from disk.
//
// Some questions are about the whole module, not one package: is a
// text-map propagator set anywhere in it (traceheaders), what does a
// middleware of another package of the module do (healthauth)? Analysis
// facts cannot answer the first (facts flow only from dependencies to
// dependents) and make drivers type-check every dependency from source
// for the second. So the module's own .go files are read from disk and
// parsed, without type checking: imports resolve package names to paths,
// and the answers are syntactic. They are the same whether the packages
// of the module are analysed in one process (meshlint ./...,
// golangci-lint) or one process each (go vet -vettool).
//
// The module is known only when the driver names it (pass.Module, from
// go/packages or go vet's config) and its go.mod is on disk where the
// package's directory and import path say: pkgPath = modulePath + "/" +
// rel, so the root is the package's directory minus rel, and root/go.mod
// must declare modulePath. Otherwise (nogo under Bazel, GOPATH mode,
// files not on disk, -trimpath file names with no absolute one) there is
// no ModuleSource, and rules that need a module-wide answer stay silent.
//
// API: [Package.ModuleSource] (nil: unknown module) → [ModuleSource]:
// Contains/Resolve (membership, -trimpath names mapped into Root), File
// (one parsed [SrcFile]: imports by name, generated flag, declarations by
// name and by line via DeclAt, the line export data records), Package and
// Dir (the files of one directory with one package clause, declarations
// merged: [SrcPackage]), Files and Dirs (the whole module), Grep and
// GrepFold (the parsed files containing a substring: files that cannot
// matter are read but never parsed), DirImports and DirOf (the module's
// import graph, from import clauses only), Memo (an analyzer's own
// module-wide answers, once per run). Answers that need "nothing in the
// module does X" must check the complete flag of Files/Grep.
//
// pass.ReadFile cannot be used: drivers restrict it to the package's own
// files. This file is the one place meshlint calls os.ReadFile on other
// source files.
//
// Caching: a ModuleSource is shared by every package of its module in one
// run, keyed by the run's *token.FileSet through a weak pointer and
// dropped with it (runtime.AddCleanup), so files are listed, read and
// parsed once per run, not once per package, and nothing outlives the run.
// Under go vet each process has its own FileSet, hence its own cache.

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"weak"
)

const (
	// MaxSrcFileSize bounds the size of a module file that is read; larger
	// files are skipped (and make listings incomplete).
	MaxSrcFileSize = 4 << 20
	// maxModuleFiles bounds the files listed for one module; a larger
	// module's listing is incomplete.
	maxModuleFiles = 20000
	// maxDirFiles bounds the files read for one directory.
	maxDirFiles = 1000
)

// A ModuleSource is the source of one module on disk, read and parsed on
// demand, shared by the packages of that module within one run. It is safe
// for concurrent use.
type ModuleSource struct {
	Path string // the module path, as go.mod declares it
	Root string // the absolute directory holding go.mod

	fset *token.FileSet // the module's files are parsed into it (not the run's FileSet)

	listOnce     sync.Once
	list         []string // non-test .go files, absolute, sorted by walk order
	listComplete bool

	mu    sync.Mutex
	files map[string]*srcEntry
	pkgs  map[string]*pkgEntry // dir + "\x00" + package name
	greps map[string]*grepEntry
	memos map[any]*memoEntry
	owned map[string]bool // directory → it belongs to this module (no nested go.mod on the way up)

	dirImps map[string]*dirImportsEntry // see DirImports
}

type srcEntry struct {
	once sync.Once
	f    *SrcFile
}

type pkgEntry struct {
	once sync.Once
	p    *SrcPackage
}

type grepEntry struct {
	once     sync.Once
	files    []*SrcFile
	complete bool
}

type memoEntry struct {
	once sync.Once
	v    any
}

// A SrcFile is one parsed file of the module. It is never modified after
// it is returned; its positions belong to [ModuleSource.Fset].
type SrcFile struct {
	Name      string    // absolute file name
	AST       *ast.File // with comments; possibly partial when Err != nil
	Err       error     // the parse error, if any
	Generated bool      // a "// Code generated ... DO NOT EDIT." file (not the cgo header)
	Test      bool      // a _test.go file
	// Imports maps the names the file's imports are known by to their
	// paths. An import without an explicit name is known by the last
	// element of its path (the one before a /vN element: echo/v4 → echo,
	// cut at the first '.' or '-': go-redis → go): a guess, since the
	// package clause of the imported package is not read. Blank and dot
	// imports are left out.
	Imports map[string]string

	tf      *token.File
	funcs   map[string]*ast.FuncDecl
	methods map[string][]*ast.FuncDecl
	values  map[string]ast.Expr
	decls   map[int][]*ast.FuncDecl
}

// PkgOf returns the import path that x names when it is an identifier
// naming an import of the file, or "". Without types, a local variable
// that shadows the package name is not told apart.
func (f *SrcFile) PkgOf(x ast.Expr) string {
	if id, ok := ast.Unparen(x).(*ast.Ident); ok {
		return f.Imports[id.Name]
	}
	return ""
}

// Func returns the top-level function (no receiver) named name, or nil.
func (f *SrcFile) Func(name string) *ast.FuncDecl { return f.funcs[name] }

// Methods returns the methods named name declared in the file.
func (f *SrcFile) Methods(name string) []*ast.FuncDecl { return f.methods[name] }

// Value returns the initializer of the package-level constant or variable
// name declared in the file (for var a, b = f() both get f()), or nil.
func (f *SrcFile) Value(name string) ast.Expr { return f.values[name] }

// DeclAt returns the function or method named name whose name is on line
// (the position export data records for a function), or nil.
func (f *SrcFile) DeclAt(name string, line int) *ast.FuncDecl {
	for _, d := range f.decls[line] {
		if d.Name.Name == name {
			return d
		}
	}
	return nil
}

// Line returns the line of pos in the file, or 0.
func (f *SrcFile) Line(pos token.Pos) int {
	if f.tf == nil || !pos.IsValid() || int(pos) < f.tf.Base() || int(pos) > f.tf.Base()+f.tf.Size() {
		return 0
	}
	return f.tf.Line(pos)
}

// A SrcPackage is the package-level view of the files of one directory
// with one package clause: declarations of all its files by name.
type SrcPackage struct {
	Dir, Name string
	Files     []*SrcFile
	funcs     map[string]DeclIn
	methods   map[string][]DeclIn
	values    map[string][]ValueIn
}

// DeclIn is a function declaration and the file holding it.
type DeclIn struct {
	Decl *ast.FuncDecl
	File *SrcFile
}

// ValueIn is a package-level initializer and the file holding it.
type ValueIn struct {
	Expr ast.Expr
	File *SrcFile
}

// Func returns the top-level function name of the package (the first
// file's, when build-constrained files declare it twice).
func (p *SrcPackage) Func(name string) (DeclIn, bool) {
	d, ok := p.funcs[name]
	return d, ok
}

// Methods returns the methods name of the package, any receiver.
func (p *SrcPackage) Methods(name string) []DeclIn { return p.methods[name] }

// Values returns the initializers of the package-level constants and
// variables name (several when build-constrained files each declare it).
func (p *SrcPackage) Values(name string) []ValueIn { return p.values[name] }

// Fset returns the file set the module's files are parsed into.
func (m *ModuleSource) Fset() *token.FileSet { return m.fset }

// Contains reports whether filename is a .go file of the module: under
// Root, not in a vendor or testdata directory or a directory whose name
// starts with '.' or '_', and not in a nested module (a directory with
// its own go.mod). A -trimpath file name (module path + "/" + relative
// name, as export data records it under -trimpath) is mapped into Root.
func (m *ModuleSource) Contains(filename string) bool {
	return m.Resolve(filename) != ""
}

// Resolve returns the absolute name of filename when the module contains
// it (see Contains), or "".
func (m *ModuleSource) Resolve(filename string) string {
	if m == nil || !strings.HasSuffix(filename, ".go") {
		return ""
	}
	if !filepath.IsAbs(filename) {
		slash := filepath.ToSlash(filename)
		rel, ok := strings.CutPrefix(slash, m.Path+"/")
		if !ok || rel == "" {
			return ""
		}
		filename = filepath.Join(m.Root, filepath.FromSlash(rel))
	}
	filename = filepath.Clean(filename)
	dir := filepath.Dir(filename)
	if !m.ownsDir(dir) {
		return ""
	}
	return filename
}

// ownsDir reports whether dir is a directory of the module's packages.
func (m *ModuleSource) ownsDir(dir string) bool {
	if dir == m.Root {
		return true
	}
	rel, err := filepath.Rel(m.Root, dir)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return false
	}
	for _, elem := range strings.Split(rel, string(filepath.Separator)) {
		if skipDirName(elem) {
			return false
		}
	}
	m.mu.Lock()
	v, ok := m.owned[dir]
	m.mu.Unlock()
	if ok {
		return v
	}
	v = m.ownsDir(filepath.Dir(dir)) && !isFile(filepath.Join(dir, "go.mod"))
	m.mu.Lock()
	m.owned[dir] = v
	m.mu.Unlock()
	return v
}

// skipDirName reports whether a directory of that name holds no package
// of the module (the go command's rules for ./...).
func skipDirName(name string) bool {
	return name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

func isFile(name string) bool {
	st, err := os.Stat(name)
	return err == nil && st.Mode().IsRegular()
}

// File returns the parsed file filename (see Resolve), or nil when the
// module does not contain it or it cannot be read (too large, missing).
// Each file is read and parsed once per run.
func (m *ModuleSource) File(filename string) *SrcFile {
	name := m.Resolve(filename)
	if name == "" {
		return nil
	}
	return m.file(name, nil)
}

// file returns the entry of the absolute, resolved name; data, when not
// nil, is the file's content already read.
func (m *ModuleSource) file(name string, data []byte) *SrcFile {
	m.mu.Lock()
	e := m.files[name]
	if e == nil {
		e = &srcEntry{}
		m.files[name] = e
	}
	m.mu.Unlock()
	e.once.Do(func() {
		if data == nil {
			data = readSource(name)
		}
		if data != nil {
			e.f = m.parse(name, data)
		}
	})
	return e.f
}

// readSource reads a regular file of at most MaxSrcFileSize bytes, or
// returns nil.
func readSource(name string) []byte {
	return readSourceInto(name, nil)
}

// readSourceInto is readSource into buf's storage when it is large enough
// (a scan of the whole module reads every file once and keeps few: one
// buffer instead of a copy of the module's source left for the garbage
// collector). The result aliases buf: clone what is kept.
func readSourceInto(name string, buf []byte) []byte {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() > MaxSrcFileSize {
		return nil
	}
	// One byte more than the size: a file that grew since Stat is read to
	// its end, or found too large.
	n := int(st.Size()) + 1
	if cap(buf) < n {
		buf = make([]byte, 0, max(n, 2*cap(buf)))
	}
	buf = buf[:0] // not nil: an empty file is read, not missing
	for {
		if len(buf) == cap(buf) {
			if len(buf) > MaxSrcFileSize {
				return nil
			}
			buf = slices.Grow(buf, 4096)
		}
		k, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+k]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil
		}
	}
	if len(buf) > MaxSrcFileSize {
		return nil
	}
	return buf
}

func (m *ModuleSource) parse(name string, data []byte) *SrcFile {
	f, err := parser.ParseFile(m.fset, name, data, parser.ParseComments|parser.SkipObjectResolution)
	if f == nil {
		return nil
	}
	sf := &SrcFile{
		Name:      name,
		AST:       f,
		Err:       err,
		Generated: isGenerated(f),
		Test:      strings.HasSuffix(name, "_test.go"),
		Imports:   make(map[string]string),
		tf:        m.fset.File(f.FileStart),
		funcs:     make(map[string]*ast.FuncDecl),
		methods:   make(map[string][]*ast.FuncDecl),
		values:    make(map[string]ast.Expr),
		decls:     make(map[int][]*ast.FuncDecl),
	}
	for _, imp := range f.Imports {
		if imp.Path == nil {
			continue
		}
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		name := ImportName(path)
		if imp.Name != nil {
			name = imp.Name.Name
		}
		if name != "_" && name != "." && name != "" {
			sf.Imports[name] = path
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Name == nil {
				continue
			}
			if d.Recv == nil {
				if _, ok := sf.funcs[d.Name.Name]; !ok {
					sf.funcs[d.Name.Name] = d
				}
			} else {
				sf.methods[d.Name.Name] = append(sf.methods[d.Name.Name], d)
			}
			if line := sf.Line(d.Name.Pos()); line > 0 {
				sf.decls[line] = append(sf.decls[line], d)
			}
		case *ast.GenDecl:
			if d.Tok != token.CONST && d.Tok != token.VAR {
				continue
			}
			for _, s := range d.Specs {
				vs, ok := s.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, n := range vs.Names {
					switch {
					case i < len(vs.Values):
						sf.values[n.Name] = vs.Values[i]
					case len(vs.Values) == 1:
						sf.values[n.Name] = vs.Values[0]
					}
				}
			}
		}
	}
	return sf
}

// ImportName is the name an import without an explicit name is known by
// in [SrcFile.Imports]: the last element of the path, or the one before a
// /vN major-version element, cut at its first '.' or '-'
// (github.com/labstack/echo/v4 → echo, gopkg.in/yaml.v3 → yaml).
func ImportName(path string) string {
	elems := strings.Split(path, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && isMajorVersion(name) {
		name = elems[len(elems)-2]
	}
	if i := strings.IndexAny(name, ".-"); i > 0 {
		name = name[:i]
	}
	return name
}

func isMajorVersion(s string) bool {
	if len(s) < 2 || s[0] != 'v' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Files returns the module's non-test .go files (absolute names, in walk
// order), listed once per run: the walk from Root skips vendor and
// testdata directories, directories whose name starts with '.' or '_',
// and nested modules. Files excluded by build constraints are included.
// complete is false when the listing was cut short (a directory could not
// be read, a file is over MaxSrcFileSize, or the module has more than
// maxModuleFiles files): a rule that needs "nothing in the module does X"
// must then stay silent.
func (m *ModuleSource) Files() (files []string, complete bool) {
	m.listOnce.Do(func() {
		complete := true
		filepath.WalkDir(m.Root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				complete = false
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path == m.Root {
					return nil
				}
				if skipDirName(d.Name()) || isFile(filepath.Join(path, "go.mod")) {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			if info, err := d.Info(); err != nil || info.Size() > MaxSrcFileSize {
				complete = false
				return nil
			}
			if len(m.list) >= maxModuleFiles {
				complete = false
				return fs.SkipAll
			}
			m.list = append(m.list, path)
			return nil
		})
		m.listComplete = complete
	})
	return m.list, m.listComplete
}

// Grep returns the parsed non-test files of the module whose content
// contains any of substrs (bytes.Contains on the raw file, before
// parsing: a file that cannot matter is never parsed), and whether every
// file could be read (see Files). The answer is computed once per run for
// each list of substrings.
func (m *ModuleSource) Grep(substrs ...string) (files []*SrcFile, complete bool) {
	return m.grep(false, substrs)
}

// GrepFold is Grep with ASCII case-insensitive matching (header names).
func (m *ModuleSource) GrepFold(substrs ...string) (files []*SrcFile, complete bool) {
	return m.grep(true, substrs)
}

func (m *ModuleSource) grep(fold bool, substrs []string) ([]*SrcFile, bool) {
	key := strings.Join(substrs, "\x00")
	if fold {
		key = "fold\x00" + key
	}
	m.mu.Lock()
	e := m.greps[key]
	if e == nil {
		e = &grepEntry{}
		m.greps[key] = e
	}
	m.mu.Unlock()
	e.once.Do(func() {
		pats := make([][]byte, 0, len(substrs))
		for _, s := range substrs {
			if s == "" {
				continue
			}
			if fold {
				s = strings.ToLower(s)
			}
			pats = append(pats, []byte(s))
		}
		names, complete := m.Files()
		var buf []byte
		for _, name := range names {
			data := readSourceInto(name, buf)
			if data == nil {
				complete = false
				continue
			}
			buf = data
			if !containsAny(data, pats, fold) {
				continue
			}
			if f := m.file(name, bytes.Clone(data)); f != nil {
				e.files = append(e.files, f)
			} else {
				complete = false
			}
		}
		e.complete = complete
	})
	return e.files, e.complete
}

func containsAny(data []byte, pats [][]byte, fold bool) bool {
	for _, p := range pats {
		if fold {
			if indexFold(data, p) >= 0 {
				return true
			}
		} else if bytes.Contains(data, p) {
			return true
		}
	}
	return false
}

// indexFold returns the index of the lower-case pattern p in data, ASCII
// case-insensitively, or -1.
func indexFold(data, p []byte) int {
	if len(p) == 0 {
		return 0
	}
	first := p[0]
	upper := first
	if 'a' <= first && first <= 'z' {
		upper = first - 'a' + 'A'
	}
	for i := 0; i+len(p) <= len(data); i++ {
		c := data[i]
		if c != first && c != upper {
			continue
		}
		match := true
		for j := 1; j < len(p); j++ {
			d := data[i+j]
			if 'A' <= d && d <= 'Z' {
				d += 'a' - 'A'
			}
			if d != p[j] {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

// Package returns the package of directory dir (absolute, in the module)
// whose package clause is name: the non-test .go files of dir with that
// clause, build-constrained ones included, with their declarations
// indexed. It returns nil when the module does not contain dir. Computed
// once per run.
func (m *ModuleSource) Package(dir, name string) *SrcPackage {
	if m == nil {
		return nil
	}
	dir = filepath.Clean(dir)
	if !filepath.IsAbs(dir) || !m.ownsDir(dir) {
		return nil
	}
	key := dir + "\x00" + name
	m.mu.Lock()
	e := m.pkgs[key]
	if e == nil {
		e = &pkgEntry{}
		m.pkgs[key] = e
	}
	m.mu.Unlock()
	e.once.Do(func() {
		p := &SrcPackage{Dir: dir, Name: name, funcs: make(map[string]DeclIn), methods: make(map[string][]DeclIn), values: make(map[string][]ValueIn)}
		for _, f := range m.Dir(dir, name) {
			p.Files = append(p.Files, f)
			for n, d := range f.funcs {
				if _, ok := p.funcs[n]; !ok {
					p.funcs[n] = DeclIn{d, f}
				}
			}
			for n, ds := range f.methods {
				for _, d := range ds {
					p.methods[n] = append(p.methods[n], DeclIn{d, f})
				}
			}
			for n, v := range f.values {
				p.values[n] = append(p.values[n], ValueIn{v, f})
			}
		}
		e.p = p
	})
	return e.p
}

// Dir returns the parsed non-test .go files of directory dir (absolute,
// in the module) whose package clause is pkgName (any clause when pkgName
// is ""), build-constrained files included, sorted by name.
func (m *ModuleSource) Dir(dir, pkgName string) []*SrcFile {
	if m == nil {
		return nil
	}
	dir = filepath.Clean(dir)
	if !filepath.IsAbs(dir) || !m.ownsDir(dir) {
		return nil
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []*SrcFile
	n := 0
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || !e.Type().IsRegular() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
			continue
		}
		if n++; n > maxDirFiles {
			break
		}
		f := m.file(filepath.Join(dir, name), nil)
		if f == nil || f.AST == nil || f.AST.Name == nil {
			continue
		}
		if pkgName == "" || f.AST.Name.Name == pkgName {
			out = append(out, f)
		}
	}
	return out
}

// Memo returns the value compute returns for key, computed once per
// module per run: analyzers keep their module-wide answers here (key: an
// unexported type of the analyzer's own, so that keys never collide).
// compute must not call Memo with the same key.
func (m *ModuleSource) Memo(key any, compute func() any) any {
	m.mu.Lock()
	e := m.memos[key]
	if e == nil {
		e = &memoEntry{}
		m.memos[key] = e
	}
	m.mu.Unlock()
	e.once.Do(func() { e.v = compute() })
	return e.v
}

// ModuleSource returns the source of the analysed package's module, or nil when
// the module is unknown: the driver gives none (nogo, GOPATH mode), the
// package's files are not on disk, or its directory and import path do
// not match a go.mod declaring the module path. See the comment at the
// top of modsrc.go.
//
// (It is not called Module: lint.Pass embeds both *analysis.Pass, whose
// Module field is the driver's module information, and *Package, and the
// two names would be ambiguous selectors on every Pass.)
func (p *Package) ModuleSource() *ModuleSource {
	p.modOnce.Do(func() {
		if p.module == nil || p.module.Path == "" || p.Types == nil {
			return
		}
		pkgPath := p.Types.Path()
		if name := p.Types.Name(); strings.HasSuffix(name, "_test") {
			pkgPath = strings.TrimSuffix(pkgPath, "_test") // external test package: the directory's import path
		}
		var names []string
		for _, f := range p.files {
			if tf := p.fset.File(f.FileStart); tf != nil {
				names = append(names, tf.Name())
			}
			if f.Package.IsValid() {
				names = append(names, p.fset.Position(f.Package).Filename) // cgo: //line names the user's file
			}
		}
		p.mod = ModuleOf(p.fset, p.module.Path, pkgPath, names)
	})
	return p.mod
}

// ModuleOf returns the source of module modPath holding the package
// pkgPath whose files are filenames, shared by every caller with the same
// FileSet (one run), or nil when no file name locates the module (see
// ModuleRoot).
func ModuleOf(fset *token.FileSet, modPath, pkgPath string, filenames []string) *ModuleSource {
	if fset == nil || modPath == "" {
		return nil
	}
	r := runOf(fset)
	for _, name := range filenames {
		if !filepath.IsAbs(name) {
			continue
		}
		dir := filepath.Dir(filepath.Clean(name))
		root := r.root(modPath, pkgPath, dir)
		if root == "" {
			continue
		}
		return r.module(modPath, root)
	}
	return nil
}

// ModuleRoot returns the root directory of module modPath, given the
// directory dir (absolute) of its package pkgPath: dir minus the part of
// pkgPath below modPath, when that directory's go.mod declares modPath.
// It returns "" otherwise (pkgPath outside modPath, dir not ending in the
// relative path, no go.mod there, a go.mod for another module, or a
// nested module's go.mod between dir and that root).
func ModuleRoot(modPath, pkgPath, dir string) string {
	if modPath == "" || pkgPath == "" || !filepath.IsAbs(dir) {
		return ""
	}
	dir = filepath.Clean(dir)
	var rel string
	switch {
	case pkgPath == modPath:
	case strings.HasPrefix(pkgPath, modPath+"/"):
		rel = pkgPath[len(modPath)+1:]
	default:
		return ""
	}
	root := dir
	if rel != "" {
		suffix := string(filepath.Separator) + filepath.FromSlash(rel)
		if !strings.HasSuffix(dir, suffix) {
			return ""
		}
		root = dir[:len(dir)-len(suffix)]
		if root == "" {
			root = string(filepath.Separator)
		}
	}
	data := readSource(filepath.Join(root, "go.mod"))
	if data == nil || modulePath(data) != modPath {
		return ""
	}
	for d := dir; d != root && len(d) > len(root); d = filepath.Dir(d) {
		if isFile(filepath.Join(d, "go.mod")) {
			return "" // the package is in a nested module
		}
	}
	return root
}

// modulePath returns the path of go.mod's module directive, or "".
func modulePath(gomod []byte) string {
	for line := range strings.Lines(string(gomod)) {
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module")
		if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t' && rest[0] != '"') {
			continue
		}
		rest = strings.TrimSpace(rest)
		if strings.HasPrefix(rest, `"`) || strings.HasPrefix(rest, "`") {
			if s, err := strconv.Unquote(rest); err == nil {
				return s
			}
			return ""
		}
		return rest
	}
	return ""
}

// runModules holds the module sources of one run (one FileSet).
type runModules struct {
	mu    sync.Mutex
	roots map[[3]string]string // modPath, pkgPath, dir → root ("" for none)
	mods  map[[2]string]*ModuleSource
}

// runs maps a run's FileSet, through a weak pointer, to its modules. An
// entry is deleted when its FileSet is collected: nothing outlives a run.
var runs sync.Map // weak.Pointer[token.FileSet] → *runModules

func runOf(fset *token.FileSet) *runModules {
	key := weak.Make(fset)
	if v, ok := runs.Load(key); ok {
		return v.(*runModules)
	}
	r := &runModules{roots: make(map[[3]string]string), mods: make(map[[2]string]*ModuleSource)}
	if v, loaded := runs.LoadOrStore(key, r); loaded {
		return v.(*runModules)
	}
	runtime.AddCleanup(fset, func(k weak.Pointer[token.FileSet]) { runs.Delete(k) }, key)
	return r
}

func (r *runModules) root(modPath, pkgPath, dir string) string {
	k := [3]string{modPath, pkgPath, dir}
	r.mu.Lock()
	root, ok := r.roots[k]
	r.mu.Unlock()
	if ok {
		return root
	}
	root = ModuleRoot(modPath, pkgPath, dir)
	r.mu.Lock()
	r.roots[k] = root
	r.mu.Unlock()
	return root
}

func (r *runModules) module(modPath, root string) *ModuleSource {
	k := [2]string{modPath, root}
	r.mu.Lock()
	defer r.mu.Unlock()
	if m := r.mods[k]; m != nil {
		return m
	}
	m := &ModuleSource{
		Path:  modPath,
		Root:  root,
		fset:  token.NewFileSet(),
		files: make(map[string]*srcEntry),
		pkgs:  make(map[string]*pkgEntry),
		greps: make(map[string]*grepEntry),
		memos: make(map[any]*memoEntry),
		owned: make(map[string]bool),

		dirImps: make(map[string]*dirImportsEntry),
	}
	r.mods[k] = m
	return m
}

type dirImportsEntry struct {
	once    sync.Once
	imports []string
	names   []string
}

// DirImports returns the import paths of the non-test .go files of
// directory dir (absolute, in the module), sorted and deduplicated, and
// the package clauses of those files, read once per run with
// parser.ImportsOnly (cheap: the file is not parsed further, and not kept).
// Files excluded by build constraints count, except those marked
// //go:build ignore (generators). Use it for the module's import graph,
// with DirOf.
func (m *ModuleSource) DirImports(dir string) (imports, names []string) {
	if m == nil {
		return nil, nil
	}
	dir = filepath.Clean(dir)
	m.mu.Lock()
	e := m.dirImps[dir]
	if e == nil {
		e = &dirImportsEntry{}
		m.dirImps[dir] = e
	}
	m.mu.Unlock()
	e.once.Do(func() {
		if !filepath.IsAbs(dir) || !m.ownsDir(dir) {
			return
		}
		ents, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		seen := make(map[string]bool)
		seenName := make(map[string]bool)
		fset := token.NewFileSet() // throwaway: only the import paths are kept
		n := 0
		var buf []byte
		for _, de := range ents {
			name := de.Name()
			if de.IsDir() || !de.Type().IsRegular() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				continue
			}
			if n++; n > maxDirFiles {
				break
			}
			data := readSourceInto(filepath.Join(dir, name), buf)
			if data == nil {
				continue
			}
			buf = data // the parser copies what the AST keeps
			f, _ := parser.ParseFile(fset, name, data, parser.ImportsOnly|parser.ParseComments|parser.SkipObjectResolution)
			if f == nil || f.Name == nil || buildIgnored(f) {
				continue
			}
			if !seenName[f.Name.Name] {
				seenName[f.Name.Name] = true
				e.names = append(e.names, f.Name.Name)
			}
			for _, imp := range f.Imports {
				if path, err := strconv.Unquote(imp.Path.Value); err == nil && !seen[path] {
					seen[path] = true
					e.imports = append(e.imports, path)
				}
			}
		}
		slices.Sort(e.imports)
		slices.Sort(e.names)
	})
	return e.imports, e.names
}

// buildIgnored reports whether f carries the //go:build ignore (or
// // +build ignore) constraint of a generator that is never built.
func buildIgnored(f *ast.File) bool {
	for _, cg := range f.Comments {
		if cg.Pos() >= f.Package {
			break
		}
		for _, c := range cg.List {
			if c.Text == "//go:build ignore" || c.Text == "// +build ignore" {
				return true
			}
		}
	}
	return false
}

// DirOf returns the directory of the module's package pkgPath (Root plus
// the path below the module path), or "" when pkgPath is not in the module.
func (m *ModuleSource) DirOf(pkgPath string) string {
	if m == nil {
		return ""
	}
	var dir string
	switch {
	case pkgPath == m.Path:
		dir = m.Root
	case strings.HasPrefix(pkgPath, m.Path+"/"):
		dir = filepath.Join(m.Root, filepath.FromSlash(pkgPath[len(m.Path)+1:]))
	default:
		return ""
	}
	if !m.ownsDir(dir) {
		return ""
	}
	return dir
}

// Dirs returns the directories holding the module's non-test .go files
// (see Files), sorted, and whether the listing is complete.
func (m *ModuleSource) Dirs() (dirs []string, complete bool) {
	files, complete := m.Files()
	seen := make(map[string]bool)
	for _, f := range files {
		if d := filepath.Dir(f); !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	slices.Sort(dirs)
	return dirs, complete
}
