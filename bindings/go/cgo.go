package ziggeo

// The linker flags are not set here: CGO_LDFLAGS names the library (see the
// package documentation).

// #cgo CFLAGS: -I${SRCDIR}/../../include
// #include <stdlib.h>
// #include <ziggeo.h>
import "C"

import (
	"fmt"
	"strings"
	"unsafe"
)

// cString copies value into C memory, which the caller frees with freeString.
// A NUL byte would silently cut the value short in C, so it is rejected.
func cString(value, parameter string) (*C.char, error) {
	if i := strings.IndexByte(value, 0); i >= 0 {
		return nil, invalidArgument(fmt.Sprintf(
			"invalid %s: it contains a NUL byte at offset %d; pass text without NUL bytes", parameter, i))
	}
	return C.CString(value), nil
}

// freeString frees a string from cString; nil is accepted.
func freeString(value *C.char) {
	C.free(unsafe.Pointer(value))
}

// takeString copies an owned string from libziggeo and frees it.
func takeString(value *C.char) string {
	defer C.ziggeo_string_free(value)
	if value == nil {
		return ""
	}
	return C.GoString(value)
}

// Version returns the version of the loaded libziggeo, such as "0.1.0".
func Version() string {
	return C.GoString(C.ziggeo_version())
}
