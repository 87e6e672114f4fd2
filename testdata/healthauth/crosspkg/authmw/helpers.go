package authmw

import "net/http"

// readyPath is exempted by SessionAuth in another file.
const readyPath = "/readyz"

// unauthorized is Door's helper, in another file of the package.
func unauthorized(w http.ResponseWriter) { w.WriteHeader(http.StatusUnauthorized) }
