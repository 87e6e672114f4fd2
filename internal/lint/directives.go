package lint

import (
	"go/ast"
	"go/token"
	"strings"
)

// A directive is one //meshlint:ignore comment.
type directive struct {
	pos    token.Pos
	names  []string
	reason string
}

const ignorePrefix = "meshlint:ignore"

// parseDirective parses the text of one // comment. It accepts
// "//meshlint:ignore a,b reason" (and, leniently, "// meshlint:ignore").
func parseDirective(text string) (names []string, reason string, ok bool) {
	text, ok = strings.CutPrefix(text, "//")
	if !ok {
		return nil, "", false
	}
	text = strings.TrimLeft(text, " \t")
	rest, ok := strings.CutPrefix(text, ignorePrefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil, "", false
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return nil, "", true
	}
	// The names: "a,b", and leniently "a, b" and "a ,b" (a list that ends
	// or starts with a comma goes on in the next field). "a// reason": the
	// reason starts at the "//".
	var list string
	i := 0
	for ; i < len(fields); i++ {
		f := fields[i]
		if i > 0 && !strings.HasSuffix(list, ",") && !strings.HasPrefix(f, ",") {
			break
		}
		if j := strings.Index(f, "//"); j >= 0 {
			list += "," + f[:j]
			fields[i] = f[j:]
			break
		}
		list += "," + f
	}
	fields = fields[i:]
	for _, n := range strings.Split(list, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	// golangci-lint's habit "//nolint:x // why" is accepted: a leading
	// "//" before the reason is dropped.
	reason = strings.TrimSpace(strings.TrimPrefix(strings.Join(fields, " "), "//"))
	return names, reason, true
}

// scanDirectives indexes the //meshlint:ignore comments of f by the lines
// they cover: their own line and the line below.
func (p *Package) scanDirectives(tf *token.File, f *ast.File) {
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if !strings.Contains(c.Text, ignorePrefix) {
				continue
			}
			names, reason, ok := parseDirective(c.Text)
			if !ok {
				continue
			}
			d := &directive{pos: c.Pos(), names: names, reason: reason}
			p.all = append(p.all, d)
			if p.directives == nil {
				p.directives = make(map[*token.File]map[int][]*directive)
			}
			byLine := p.directives[tf]
			if byLine == nil {
				byLine = make(map[int][]*directive)
				p.directives[tf] = byLine
			}
			line := tf.Line(c.Pos())
			byLine[line] = append(byLine[line], d)
			byLine[line+1] = append(byLine[line+1], d)
		}
	}
}
