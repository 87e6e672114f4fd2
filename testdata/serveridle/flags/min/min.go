// Package min is checked with -serveridle.min=30m: a DestinationRule sets
// the sidecar's idle timeout to 30 minutes.
package min

import (
	"net/http"
	"time"
)

func servers(h http.Handler) {
	_ = &http.Server{Handler: h, IdleTimeout: 45 * time.Minute}
	_ = &http.Server{Handler: h, IdleTimeout: 30 * time.Minute}
	_ = &http.Server{Handler: h, IdleTimeout: 20 * time.Minute} // want `after 20m0s \(IdleTimeout\), sooner than the sidecar's 30m \(-serveridle.min\): .*; set IdleTimeout above 30m or the DestinationRule's connectionPool.http.idleTimeout below 20m0s`
	_ = &http.Server{Handler: h, ReadTimeout: 10 * time.Second} // want `after 10s \(ReadTimeout`
}
