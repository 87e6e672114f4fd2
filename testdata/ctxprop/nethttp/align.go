package nethttp

import "net/http"

// Changing one of these lines would misalign the trailing comments: gofmt
// would then rewrite the neighbours, so no fix is offered (still reported).
func aligned(w http.ResponseWriter, r *http.Request) {
	a, _ := http.NewRequest("GET", "http://a/", nil) // want `use http.NewRequestWithContext\(r.Context\(\), \.\.\.\)`
	b := 1                                           // a trailing comment aligned with the one above
	_, _ = a, b
}

// Rule 1 and 2 in a goroutine, in a file that does not import context: the
// message recommends context.WithoutCancel; no fix (it would need a new
// import).
func noContextImport(w http.ResponseWriter, r *http.Request) {
	go func() {
		http.Get("http://audit/") // want `build it with http.NewRequestWithContext\(context.WithoutCancel\(r.Context\(\)\), \.\.\.\)`

		http.NewRequest("POST", "http://audit/", nil) // want `use http.NewRequestWithContext\(context.WithoutCancel\(r.Context\(\)\), \.\.\.\)`
	}()
}
