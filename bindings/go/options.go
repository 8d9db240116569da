package ziggeo

// #include <stdlib.h>
// #include <ziggeo.h>
import "C"

import (
	"fmt"
	"time"
)

// Option sets one client option for NewClient. An option that is not given
// keeps libziggeo's default: the application token's region, a 60 s timeout
// per call, a 10 s connect timeout, 3 retries, the libziggeo user agent, no
// extra CA bundle and proxy variables honoured.
type Option func(options *optionSet) error

// optionSet wraps the native options object that the Option functions fill.
type optionSet struct {
	native *C.ZiggeoOptions
}

// WithBaseURL sets the base URL, such as "http://127.0.0.1:8080" for the
// sandbox, in place of the region's.
func WithBaseURL(baseURL string) Option {
	return stringOption(baseURL, "base URL", func(options *C.ZiggeoOptions, value *C.char, err **C.ZiggeoError) C.enum_ZiggeoStatus {
		return C.ziggeo_options_set_base_url(options, value, err)
	})
}

// WithTimeout limits a whole call, retries and waits included. It is
// rounded up to whole milliseconds.
func WithTimeout(timeout time.Duration) Option {
	return func(options *optionSet) error {
		ms, err := milliseconds(timeout, "timeout")
		if err != nil {
			return err
		}
		var cErr *C.ZiggeoError
		return check(C.ziggeo_options_set_timeout_ms(options.native, ms, &cErr), &cErr)
	}
}

// WithConnectTimeout limits establishing a connection, TLS included. It is
// rounded up to whole milliseconds.
func WithConnectTimeout(timeout time.Duration) Option {
	return func(options *optionSet) error {
		ms, err := milliseconds(timeout, "connect timeout")
		if err != nil {
			return err
		}
		var cErr *C.ZiggeoError
		return check(C.ziggeo_options_set_connect_timeout_ms(options.native, ms, &cErr), &cErr)
	}
}

// WithMaxRetries sets how often a failed attempt may be repeated where that
// cannot duplicate work; 0 turns retries off.
func WithMaxRetries(maxRetries uint32) Option {
	return func(options *optionSet) error {
		var cErr *C.ZiggeoError
		return check(C.ziggeo_options_set_max_retries(options.native, C.uint32_t(maxRetries), &cErr), &cErr)
	}
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(userAgent string) Option {
	return stringOption(userAgent, "user agent", func(options *C.ZiggeoOptions, value *C.char, err **C.ZiggeoError) C.enum_ZiggeoStatus {
		return C.ziggeo_options_set_user_agent(options, value, err)
	})
}

// WithCABundle adds the CA certificates in a PEM file to those trusted.
func WithCABundle(path string) Option {
	return stringOption(path, "CA bundle", func(options *C.ZiggeoOptions, value *C.char, err **C.ZiggeoError) C.enum_ZiggeoStatus {
		return C.ziggeo_options_set_ca_bundle(options, value, err)
	})
}

// WithProxyFromEnv chooses whether HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and
// NO_PROXY apply (the default) or are ignored.
func WithProxyFromEnv(enabled bool) Option {
	return func(options *optionSet) error {
		var cErr *C.ZiggeoError
		return check(C.ziggeo_options_set_proxy_from_env(options.native, C.bool(enabled), &cErr), &cErr)
	}
}

type stringSetter func(options *C.ZiggeoOptions, value *C.char, err **C.ZiggeoError) C.enum_ZiggeoStatus

func stringOption(value, parameter string, set stringSetter) Option {
	return func(options *optionSet) error {
		cValue, err := cString(value, parameter)
		if err != nil {
			return err
		}
		defer freeString(cValue)

		var cErr *C.ZiggeoError
		return check(set(options.native, cValue, &cErr), &cErr)
	}
}

// milliseconds converts a duration for the C API, rounding up so that a
// positive duration never becomes 0.
func milliseconds(d time.Duration, parameter string) (C.uint64_t, error) {
	if d < 0 {
		return 0, invalidArgument(fmt.Sprintf("invalid %s: it is negative (%v); pass a positive duration", parameter, d))
	}
	return C.uint64_t((d + time.Millisecond - 1) / time.Millisecond), nil
}

// check returns nil for success and the converted error otherwise. It takes
// the error's address so that check(call(&cErr), &cErr) reads the error only
// after the call, whatever order Go evaluates the arguments in.
func check(status C.enum_ZiggeoStatus, cErr **C.ZiggeoError) error {
	if status == C.ZIGGEO_STATUS_OK {
		return nil
	}
	return takeError(status, *cErr)
}
