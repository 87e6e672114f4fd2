package healthauth

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Middleware defined in another package of the module is judged by its
// source, not by analysis facts: facts make drivers type-check every
// dependency from source (packages.LoadAllSyntax), which doubles the time
// and memory of a run. Export data keeps the file and line of each
// function, so when the callee's file belongs to the analysed package's
// module, that file and the other files of its directory (same package
// clause, no _test.go) are parsed, without type checking, and the
// function's body is judged syntactically by synJudge.body.

// maxPkgFiles bounds the number of files parsed for one callee package.
const maxPkgFiles = 200

// maxSourceSize bounds the size of a file parsed for a foreign callee.
const maxSourceSize = 4 << 20

// srcFile is one parsed file of another package of the module.
// It is shared by all runs of the process and never modified after
// loadIndexed returns it.
type srcFile struct {
	file      *ast.File
	generated bool
	imports   map[string]string          // local name → import path
	funcs     map[string]*ast.FuncDecl   // top-level functions by name
	methods   map[string][]*ast.FuncDecl // methods by name
	values    map[string]ast.Expr        // package-level const/var initializers by name
	decls     map[int][]*ast.FuncDecl    // FuncDecls by line of their name
}

// srcPkg is the package-level view of the files of one directory.
type srcPkg struct {
	funcs   map[string]declIn   // top-level functions by name (first wins)
	methods map[string][]declIn // methods by name
	values  map[string][]valIn  // package-level const/var initializers by name
}

type declIn struct {
	d *ast.FuncDecl
	f *srcFile
}

type valIn struct {
	e ast.Expr
	f *srcFile
}

// synJudge judges bodies of one srcPkg for one run (the memos depend on
// -healthauth.paths).
type synJudge struct {
	pkg    *srcPkg
	segs   *segmentList
	bodies map[ast.Node]bodyResult
	vals   map[string]int8 // valueMentionsHealth: 0 unknown, 1 no, 2 yes
}

type fileKey struct {
	name string
	mod  time.Time
	size int64
}

// srcFiles caches parsed files for the life of the process, keyed by file
// name, modification time and size (a nil *srcFile records a failure).
var srcFiles sync.Map // fileKey → *srcFile

func newSrcFile(f *ast.File) *srcFile {
	sf := &srcFile{
		file:      f,
		generated: ast.IsGenerated(f),
		imports:   make(map[string]string),
		funcs:     make(map[string]*ast.FuncDecl),
		methods:   make(map[string][]*ast.FuncDecl),
		values:    make(map[string]ast.Expr),
		decls:     make(map[int][]*ast.FuncDecl),
	}
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		name := defaultImportName(path)
		if imp.Name != nil {
			name = imp.Name.Name
		}
		if name != "_" && name != "." {
			sf.imports[name] = path
		}
	}
	return sf
}

// defaultImportName guesses the name a package is imported under when the
// import has no explicit name: the last path element, or the one before a
// /vN major-version element (echo/v4 → echo).
func defaultImportName(path string) string {
	v := versionless(path)
	name := v[strings.LastIndex(v, "/")+1:]
	if i := strings.IndexAny(name, ".-"); i > 0 {
		name = name[:i]
	}
	return name
}

// index fills funcs, methods, values and decls (lines from fset, the file
// set f was parsed with).
func (sf *srcFile) index(fset *token.FileSet) {
	for _, d := range sf.file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				sf.funcs[d.Name.Name] = d
			} else {
				sf.methods[d.Name.Name] = append(sf.methods[d.Name.Name], d)
			}
			line := fset.Position(d.Name.Pos()).Line
			sf.decls[line] = append(sf.decls[line], d)
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
					if i < len(vs.Values) {
						sf.values[n.Name] = vs.Values[i]
					} else if len(vs.Values) == 1 {
						sf.values[n.Name] = vs.Values[0]
					}
				}
			}
		}
	}
}

// decl returns the declaration of the function named name whose name is
// on line.
func (sf *srcFile) decl(name string, line int) *ast.FuncDecl {
	for _, d := range sf.decls[line] {
		if d.Name.Name == name {
			return d
		}
	}
	return nil
}

// loadIndexed is loadSrc with the file's declarations indexed by line.
func loadIndexed(filename string) *srcFile {
	st, err := os.Stat(filename)
	if err != nil || !st.Mode().IsRegular() || st.Size() > maxSourceSize {
		return nil
	}
	key := fileKey{filename, st.ModTime(), st.Size()}
	if v, ok := srcFiles.Load(key); ok {
		return v.(*srcFile)
	}
	data, err := os.ReadFile(filename)
	var sf *srcFile
	if err == nil {
		fset := token.NewFileSet()
		if f, err := parser.ParseFile(fset, filename, data, parser.SkipObjectResolution|parser.ParseComments); err == nil && f != nil {
			sf = newSrcFile(f)
			sf.index(fset)
		}
	}
	v, _ := srcFiles.LoadOrStore(key, sf)
	return v.(*srcFile)
}

// foreign is the verdict on a middleware-shaped function of another
// package of the module, as the facts of earlier versions recorded it.
type foreign int

const (
	foreignUnknown foreign = iota // not judged: other module, no source, no verdict
	foreignAuth                   // body rejects requests without credentials
	foreignSkips                  // looks like auth but exempts health paths
)

// judgeForeign judges fn, a middleware-shaped function of another package,
// from its source when that source is in the analysed package's module.
func (c *checker) judgeForeign(fn *types.Func) foreign {
	if v, ok := c.foreign[fn]; ok {
		return v
	}
	v := c.judgeForeign1(fn)
	c.foreign[fn] = v
	return v
}

func (c *checker) judgeForeign1(fn *types.Func) foreign {
	if !middlewareShaped(fn) || vetoed(fn.Name()) {
		return foreignUnknown
	}
	pos := c.p.Fset.Position(fn.Pos())
	if !pos.IsValid() {
		return foreignUnknown
	}
	filename := c.sameModule(fn.Pkg().Path(), pos.Filename)
	if filename == "" {
		return foreignUnknown
	}
	sf := loadIndexed(filename)
	if sf == nil || sf.generated {
		return foreignUnknown
	}
	decl := sf.decl(fn.Name(), pos.Line)
	if decl == nil || decl.Body == nil {
		return foreignUnknown
	}
	j := &synJudge{pkg: c.srcPkg(filename, sf), segs: c.segs, bodies: make(map[ast.Node]bodyResult), vals: make(map[string]int8)}
	r := j.body(sf, decl, decl, 0)
	switch {
	case r.exempt && (r.auth || nameIsAuth(fn.Name())):
		return foreignSkips
	case r.auth && !r.exempt:
		return foreignAuth
	}
	return foreignUnknown
}

// srcPkg returns the package of sf, whose name is filename: sf and the
// other non-test files of its directory with the same package clause.
// Files excluded by build constraints are included too (a skip list in
// any of them counts).
func (c *checker) srcPkg(filename string, sf *srcFile) *srcPkg {
	dir := filepath.Dir(filename)
	if p, ok := c.srcPkgs[dir]; ok {
		return p
	}
	p := &srcPkg{
		funcs:   make(map[string]declIn),
		methods: make(map[string][]declIn),
		values:  make(map[string][]valIn),
	}
	add := func(f *srcFile) {
		for name, d := range f.funcs {
			if _, ok := p.funcs[name]; !ok {
				p.funcs[name] = declIn{d, f}
			}
		}
		for name, ds := range f.methods {
			for _, d := range ds {
				p.methods[name] = append(p.methods[name], declIn{d, f})
			}
		}
		for name, e := range f.values {
			p.values[name] = append(p.values[name], valIn{e, f})
		}
	}
	add(sf)
	if ents, err := os.ReadDir(dir); err == nil {
		n := 0
		for _, e := range ents {
			name := e.Name()
			full := filepath.Join(dir, name)
			if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || full == filename {
				continue
			}
			if n++; n > maxPkgFiles {
				break
			}
			if f := loadIndexed(full); f != nil && f.file.Name.Name == sf.file.Name.Name {
				add(f)
			}
		}
	}
	c.srcPkgs[dir] = p
	return p
}

// sameModule returns the file, among the module of the package being
// analysed, that filename (the declaration file of a function of package
// pkgPath, as export data records it) names, or "" when it is not in that
// module. The test is on the file system: the file and the analysed
// package must have the same nearest go.mod. When the driver provides the
// module (pass.Module), pkgPath must also be the module path or below it,
// and a -trimpath file name (module path + "/" + relative path) is mapped
// back into the module directory. Without a go.mod above the analysed
// package (GOPATH mode, build systems without modules), a file counts
// when it is not in a vendor directory. Files under GOROOT or the module
// cache never count.
func (c *checker) sameModule(pkgPath, filename string) string {
	if !strings.HasSuffix(filename, ".go") {
		return ""
	}
	root := c.moduleRoot()
	m := c.p.Module
	if m != nil && m.Path != "" {
		if pkgPath != m.Path && !strings.HasPrefix(pkgPath, m.Path+"/") {
			return ""
		}
		if !filepath.IsAbs(filename) && root != "" && strings.HasPrefix(filename, m.Path+"/") {
			filename = filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(filename, m.Path+"/")))
		}
	}
	if !filepath.IsAbs(filename) {
		return ""
	}
	filename = filepath.Clean(filename)
	if underDir(filename, build.Default.GOROOT) || underDir(filename, modCache()) {
		return ""
	}
	if root == "" {
		if strings.Contains(filepath.ToSlash(filename), "/vendor/") {
			return ""
		}
		return filename
	}
	if moduleRoot(filepath.Dir(filename)) != root {
		return ""
	}
	return filename
}

// moduleRoot returns the directory of the nearest go.mod above the
// analysed package's files, or "".
func (c *checker) moduleRoot() string {
	if c.modRoot == nil {
		root := ""
		for _, f := range c.p.Files {
			if tf := c.p.Fset.File(f.Pos()); tf != nil && filepath.IsAbs(tf.Name()) {
				root = moduleRoot(filepath.Dir(tf.Name()))
				break
			}
		}
		c.modRoot = &root
	}
	return *c.modRoot
}

func underDir(file, dir string) bool {
	if dir == "" {
		return false
	}
	dir = filepath.Clean(dir)
	return strings.HasPrefix(file, dir+string(filepath.Separator))
}

var modCache = sync.OnceValue(func() string {
	if d := os.Getenv("GOMODCACHE"); d != "" {
		return d
	}
	if gp := filepath.SplitList(build.Default.GOPATH); len(gp) > 0 && gp[0] != "" {
		return filepath.Join(gp[0], "pkg", "mod")
	}
	return ""
})

// modRoots caches moduleRoot by directory.
var modRoots sync.Map // string → string

// moduleRoot returns the directory of the nearest go.mod at or above dir,
// or "".
func moduleRoot(dir string) string {
	if v, ok := modRoots.Load(dir); ok {
		return v.(string)
	}
	root := ""
	if st, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && st.Mode().IsRegular() {
		root = dir
	} else if parent := filepath.Dir(dir); parent != dir {
		root = moduleRoot(parent)
	}
	modRoots.Store(dir, root)
	return root
}

// body is the syntactic counterpart of checker.body for a file without
// type information: n (a FuncDecl or FuncLit of decl) writes 401/403,
// reads the Authorization header or calls BasicAuth (as in user, pass, ok
// := r.BasicAuth()) (auth), or mentions a health path or the gRPC health
// service (exempt). Calls to functions of
// the same file, and to methods of decl's receiver declared in the file,
// are followed two levels deep.
func (j *synJudge) body(sf *srcFile, decl *ast.FuncDecl, n ast.Node, depth int) bodyResult {
	if r, ok := j.bodies[n]; ok {
		return r
	}
	j.bodies[n] = bodyResult{} // recursion guard
	var body *ast.BlockStmt
	switch n := n.(type) {
	case *ast.FuncDecl:
		body = n.Body
	case *ast.FuncLit:
		body = n.Body
	}
	var res bodyResult
	if body == nil {
		return res
	}
	recv := ""
	if decl.Recv != nil && len(decl.Recv.List) == 1 && len(decl.Recv.List[0].Names) == 1 {
		recv = decl.Recv.List[0].Names[0].Name
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			sel, _ := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			for _, a := range n.Args {
				if j.authArg(sf, a, sel) {
					res.auth = true
				}
			}
			if depth < 2 {
				var callee declIn
				switch fun := ast.Unparen(n.Fun).(type) {
				case *ast.Ident:
					callee = j.pkg.funcs[fun.Name]
				case *ast.SelectorExpr:
					if x, ok := ast.Unparen(fun.X).(*ast.Ident); ok && recv != "" && x.Name == recv && len(j.pkg.methods[fun.Sel.Name]) == 1 {
						callee = j.pkg.methods[fun.Sel.Name][0]
					}
				}
				if callee.d != nil && callee.d.Body != nil {
					r := j.body(callee.f, callee.d, callee.d, depth+1)
					res.auth = res.auth || r.auth
					res.exempt = res.exempt || r.exempt
				}
			}
		case *ast.AssignStmt:
			// user, pass, ok := r.BasicAuth()
			if len(n.Lhs) == 3 && len(n.Rhs) == 1 {
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok && len(call.Args) == 0 {
					if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "BasicAuth" {
						res.auth = true
					}
				}
			}
		case *ast.IndexExpr:
			if s, ok := stringLit(n.Index); ok && strings.EqualFold(s, "authorization") {
				res.auth = true
			}
		case *ast.BasicLit:
			if s, ok := stringLit(n); ok && j.segs.mentionsHealth(s) {
				res.exempt = true
			}
		case *ast.SelectorExpr:
			switch sf.pkgOf(n.X) {
			case echoPath:
				if n.Sel.Name == "ErrUnauthorized" || n.Sel.Name == "ErrForbidden" {
					res.auth = true
				}
			case healthPBPath:
				if strings.HasPrefix(n.Sel.Name, "Health_") && strings.HasSuffix(n.Sel.Name, "FullMethodName") {
					res.exempt = true
				}
			}
			return false
		case *ast.Ident:
			if j.valueMentionsHealth(n.Name, 0) {
				res.exempt = true
			}
		}
		return true
	})
	j.bodies[n] = res
	return res
}

// authArg reports whether a call argument means "no credentials": 401/403
// (a literal, a constant of the file, or an imported StatusUnauthorized/
// StatusForbidden: net/http, fasthttp...), gRPC
// codes.Unauthenticated/PermissionDenied, or the "Authorization" header
// name given to a header read (sel is the call's selector, or nil).
func (j *synJudge) authArg(sf *srcFile, a ast.Expr, sel *ast.SelectorExpr) bool {
	switch a := ast.Unparen(a).(type) {
	case *ast.BasicLit:
		switch a.Kind {
		case token.INT:
			return a.Value == "401" || a.Value == "403"
		case token.STRING:
			s, ok := stringLit(a)
			return ok && sel != nil && readsHeader[sel.Sel.Name] && strings.EqualFold(s, "authorization")
		}
	case *ast.SelectorExpr:
		switch sf.pkgOf(a.X) {
		case "":
		case codesPath:
			return a.Sel.Name == "Unauthenticated" || a.Sel.Name == "PermissionDenied"
		default: // net/http, fasthttp...
			return a.Sel.Name == "StatusUnauthorized" || a.Sel.Name == "StatusForbidden"
		}
	case *ast.Ident:
		// const unauthorized = 401 (or = http.StatusUnauthorized) in the package
		if vs := j.pkg.values[a.Name]; len(vs) == 1 {
			v := vs[0]
			if lit, ok := ast.Unparen(v.e).(*ast.BasicLit); ok {
				return lit.Kind == token.INT && (lit.Value == "401" || lit.Value == "403")
			}
			if sel, ok := ast.Unparen(v.e).(*ast.SelectorExpr); ok && v.f.pkgOf(sel.X) != "" {
				return sel.Sel.Name == "StatusUnauthorized" || sel.Sel.Name == "StatusForbidden"
			}
		}
	}
	return false
}

// pkgOf returns the import path x names when it is an imported package
// name of the file ("" otherwise). Without types, a local variable that
// shadows the package name is not told apart.
func (sf *srcFile) pkgOf(x ast.Expr) string {
	if id, ok := ast.Unparen(x).(*ast.Ident); ok {
		return sf.imports[id.Name]
	}
	return ""
}

// valueMentionsHealth reports whether name is a package-level constant or
// variable of the file whose initializer mentions a health path: a skip
// list such as var public = map[string]bool{"/healthz": true}, or
// const healthPath = "/healthz".
func (j *synJudge) valueMentionsHealth(name string, depth int) bool {
	switch j.vals[name] {
	case 1:
		return false
	case 2:
		return true
	}
	defs, ok := j.pkg.values[name]
	if !ok || depth > 4 {
		return false
	}
	j.vals[name] = 1 // recursion guard
	found := false
	for _, def := range defs {
		ast.Inspect(def.e, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.BasicLit:
				if s, ok := stringLit(n); ok && j.segs.mentionsHealth(s) {
					found = true
				}
			case *ast.SelectorExpr:
				if def.f.pkgOf(n.X) == healthPBPath && strings.HasPrefix(n.Sel.Name, "Health_") {
					found = true
				}
				return false
			case *ast.Ident:
				if n.Name != name && j.valueMentionsHealth(n.Name, depth+1) {
					found = true
				}
			}
			return !found
		})
	}
	if found {
		j.vals[name] = 2
	}
	return found
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := ast.Unparen(e).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}
