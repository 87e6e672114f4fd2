package basic

import "net/http"

func inTest() http.RoundTripper {
	_ = http.DefaultTransport.(*http.Transport).Clone()
	return &http.Transport{}
}
