package basic

import "net/http"

func suppressed() {
	//meshlint:ignore defaulttransport one-shot CLI call, no pool needed
	_ = &http.Transport{}
	_ = otelhttp2(http.DefaultTransport) //meshlint:ignore clienttimeout,defaulttransport vendor SDK

	/* // want `meshlint:ignore needs a reason` */ //meshlint:ignore defaulttransport
	_ = &http.Transport{}

	//meshlint:ignore clienttimeout not about this rule
	_ = &http.Transport{} // want `leaves MaxIdleConnsPerHost, IdleConnTimeout at`
}

func otelhttp2(rt http.RoundTripper) http.RoundTripper { return rt }
