// Package traceheaders holds the workspace of traceheaders' fixture
// modules: the rules are about whole modules, so each case is a module of
// its own (see go.work).
package traceheaders
