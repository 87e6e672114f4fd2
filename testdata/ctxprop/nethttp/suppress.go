package nethttp

import (
	"context"
	"net/http"
)

func suppressed(w http.ResponseWriter, r *http.Request) {
	//meshlint:ignore ctxprop audit record must survive the request
	http.NewRequestWithContext(context.Background(), "GET", "http://audit/", nil)
	http.NewRequest("GET", "http://audit/", nil) //meshlint:ignore ctxprop,clienttimeout legacy endpoint

	/* // want `meshlint:ignore needs a reason` */ //meshlint:ignore ctxprop
	http.NewRequest("GET", "http://audit/", nil)

	//meshlint:ignore hardcodedip not about this rule
	http.NewRequest("GET", "http://audit/", nil) // want `http.NewRequest drops`
}
