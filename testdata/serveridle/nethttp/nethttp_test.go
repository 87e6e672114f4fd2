package nethttp

import (
	"net/http"
	"time"
)

func helper() { _ = &http.Server{ReadTimeout: time.Second} }
