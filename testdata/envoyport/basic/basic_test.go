package basic

import "net/http"

func helper() { http.ListenAndServe(":15020", nil) }
