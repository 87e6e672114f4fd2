// Package users is the users client of the api command.
package users

import (
	"net/http"

	"example.com/multipkg/users/store"
)

// Lookup has no context either: it drops its caller's through store.Get,
// two calls below the handler and in another package.
func Lookup(id string) (*http.Response, error) { return store.Get(id) }
