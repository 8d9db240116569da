package ziggeo

// #include <ziggeo.h>
import "C"

import "errors"

// Status is the result code of a libziggeo call, as in ZiggeoStatus.
type Status int

// The status codes; their numbers are fixed by the C API.
const (
	StatusOK              Status = C.ZIGGEO_STATUS_OK
	StatusInvalidArgument Status = C.ZIGGEO_STATUS_INVALID_ARGUMENT
	StatusHTTP            Status = C.ZIGGEO_STATUS_HTTP
	StatusTimeout         Status = C.ZIGGEO_STATUS_TIMEOUT
	StatusConnection      Status = C.ZIGGEO_STATUS_CONNECTION
	StatusDNS             Status = C.ZIGGEO_STATUS_DNS
	StatusTLS             Status = C.ZIGGEO_STATUS_TLS
	StatusInvalidResponse Status = C.ZIGGEO_STATUS_INVALID_RESPONSE
	StatusInvalidDelivery Status = C.ZIGGEO_STATUS_INVALID_DELIVERY
	StatusInternal        Status = C.ZIGGEO_STATUS_INTERNAL
)

// String returns libziggeo's description of the status, such as "timeout".
func (s Status) String() string {
	return C.GoString(C.ziggeo_status_message(C.int32_t(s)))
}

// Sentinels for errors.Is. A *Error matches the sentinel of its status;
// DNS and TLS errors also match ErrConnection, and a call on a closed client
// or delivery matches ErrClosed and ErrInvalidArgument.
var (
	ErrInvalidArgument = errors.New("ziggeo: invalid argument")
	ErrHTTP            = errors.New("ziggeo: HTTP error status")
	ErrTimeout         = errors.New("ziggeo: timed out")
	ErrConnection      = errors.New("ziggeo: connection failed")
	ErrDNS             = errors.New("ziggeo: host name not resolved")
	ErrTLS             = errors.New("ziggeo: TLS handshake failed")
	ErrInvalidResponse = errors.New("ziggeo: invalid response")
	ErrInvalidDelivery = errors.New("ziggeo: invalid webhook delivery")
	ErrInternal        = errors.New("ziggeo: internal error")
	ErrClosed          = errors.New("ziggeo: closed")
)

// Error is a failed call's details. Message names the failed value and
// never contains the private key.
type Error struct {
	Status  Status
	Message string
	// HTTPStatus is the status of an ErrHTTP error, and 0 for other errors.
	HTTPStatus int
	// Body is the response body of an ErrHTTP error (at most 64 KiB), or "".
	Body string
	// OutcomeUnknown is true when the request may have reached the server
	// and taken effect, so a failed Create may still have registered the
	// webhook.
	OutcomeUnknown bool

	closed bool
}

func (e *Error) Error() string {
	return "ziggeo: " + e.Message
}

// Is reports whether target is one of the sentinels that the error matches,
// so that errors.Is(err, ErrTimeout) works.
func (e *Error) Is(target error) bool {
	for _, sentinel := range e.sentinels() {
		if target == sentinel {
			return true
		}
	}
	return false
}

func (e *Error) sentinels() []error {
	var sentinels []error
	switch e.Status {
	case StatusInvalidArgument:
		sentinels = []error{ErrInvalidArgument}
	case StatusHTTP:
		sentinels = []error{ErrHTTP}
	case StatusTimeout:
		sentinels = []error{ErrTimeout}
	case StatusConnection:
		sentinels = []error{ErrConnection}
	case StatusDNS:
		sentinels = []error{ErrDNS, ErrConnection}
	case StatusTLS:
		sentinels = []error{ErrTLS, ErrConnection}
	case StatusInvalidResponse:
		sentinels = []error{ErrInvalidResponse}
	case StatusInvalidDelivery:
		sentinels = []error{ErrInvalidDelivery}
	default:
		sentinels = []error{ErrInternal}
	}
	if e.closed {
		sentinels = append(sentinels, ErrClosed)
	}
	return sentinels
}

// takeError converts and frees a libziggeo error object; raw may be nil when
// the library could not allocate one.
func takeError(status C.enum_ZiggeoStatus, raw *C.ZiggeoError) *Error {
	defer C.ziggeo_error_free(raw)

	result := &Error{Status: Status(status), Message: Status(status).String()}
	if raw == nil {
		return result
	}
	if message := C.ziggeo_error_message(raw); message != nil {
		result.Message = C.GoString(message)
	}
	if body := C.ziggeo_error_body(raw); body != nil {
		result.Body = C.GoString(body)
	}
	result.HTTPStatus = int(C.ziggeo_error_http_status(raw))
	result.OutcomeUnknown = bool(C.ziggeo_error_outcome_unknown(raw))
	return result
}

func invalidArgument(message string) *Error {
	return &Error{Status: StatusInvalidArgument, Message: message}
}

func closedError(object string) *Error {
	return &Error{
		Status:  StatusInvalidArgument,
		Message: "invalid " + object + ": it is closed; make a new one",
		closed:  true,
	}
}
