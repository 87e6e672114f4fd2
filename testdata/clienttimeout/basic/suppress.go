package basic

import "net/http"

func suppressed() {
	//meshlint:ignore clienttimeout streaming client, deadline set per request
	_ = &http.Client{}
	_ = &http.Client{} //meshlint:ignore clienttimeout,defaulttransport long-poll client

	/* // want `meshlint:ignore needs a reason` */ //meshlint:ignore clienttimeout
	_ = &http.Client{}

	//meshlint:ignore hardcodedip not about this rule
	_ = &http.Client{} // want `http.Client has no Timeout`
}
