package ziggeo

// #include <stdlib.h>
// #include <ziggeo.h>
import "C"

import (
	"runtime"
	"sync"
)

// Client is a client of the Ziggeo server API for one application. It is
// safe for concurrent use; share one rather than making one per call.
type Client struct {
	// mu is held for reading during every call and for writing by Close,
	// so the handle is never freed while a call uses it.
	mu     sync.RWMutex
	handle *C.ZiggeoClient
}

// NewClient creates a client; nothing is sent over the network. It returns
// an error matching ErrInvalidArgument for an empty token or key or a bad
// option.
func NewClient(appToken, privateKey string, opts ...Option) (*Client, error) {
	token, err := cString(appToken, "application token")
	if err != nil {
		return nil, err
	}
	defer freeString(token)
	key, err := cString(privateKey, "private key")
	if err != nil {
		return nil, err
	}
	defer freeString(key)

	options := C.ziggeo_options_new()
	defer C.ziggeo_options_free(options)
	for _, apply := range opts {
		if err := apply(&optionSet{native: options}); err != nil {
			return nil, err
		}
	}

	var handle *C.ZiggeoClient
	var cErr *C.ZiggeoError
	if err := check(C.ziggeo_client_new(token, key, options, &handle, &cErr), &cErr); err != nil {
		return nil, err
	}
	client := &Client{handle: handle}
	runtime.SetFinalizer(client, (*Client).Close)
	return client, nil
}

// Close frees the native client and zeroes its private key, after waiting
// for calls in progress. Later calls fail with ErrClosed. Closing again does
// nothing. It always returns nil.
func (c *Client) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()

	if c.handle != nil {
		C.ziggeo_client_free(c.handle)
		c.handle = nil
		runtime.SetFinalizer(c, nil)
	}
	return nil
}

// String describes the client without its credentials.
func (c *Client) String() string {
	c.mu.RLock()
	defer c.mu.RUnlock()

	if c.handle == nil {
		return "ziggeo.Client(closed)"
	}
	return "ziggeo.Client(open)"
}

// GoString keeps %#v from printing the client's fields.
func (c *Client) GoString() string {
	return c.String()
}

// Webhooks returns the client's webhook calls.
func (c *Client) Webhooks() *Webhooks {
	return &Webhooks{client: c}
}

// call runs one webhook call that writes an owned string, holding the read
// lock so that Close cannot free the handle meanwhile.
func (c *Client) call(run func(handle *C.ZiggeoClient, body **C.char, err **C.ZiggeoError) C.enum_ZiggeoStatus) (string, error) {
	c.mu.RLock()
	defer c.mu.RUnlock()

	if c.handle == nil {
		return "", closedError("client")
	}
	var body *C.char
	var cErr *C.ZiggeoError
	if err := check(run(c.handle, &body, &cErr), &cErr); err != nil {
		return "", err
	}
	return takeString(body), nil
}
