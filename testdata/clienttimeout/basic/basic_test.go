package basic

import "net/http"

func inTest() *http.Client {
	http.DefaultClient.Get("http://users/")
	return &http.Client{}
}
