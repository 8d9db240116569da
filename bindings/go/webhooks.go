package ziggeo

// #include <stdlib.h>
// #include <ziggeo.h>
import "C"

import (
	"runtime"
	"strings"
)

// Webhooks holds the webhook calls of one client, and is as safe for
// concurrent use as the client. Each call returns the response body.
type Webhooks struct {
	client *Client
}

// Create registers a webhook and returns the response body, the webhook id.
// encoding is "json", "jsonheader" or "form", or "" for the server's
// default. events are event names such as "video_ready".
//
// A create is never sent twice. When a failure leaves open whether it
// reached the server, the error's OutcomeUnknown is true and the webhook may
// exist.
func (w *Webhooks) Create(targetURL, encoding string, events []string) (string, error) {
	cURL, err := cString(targetURL, "target URL")
	if err != nil {
		return "", err
	}
	defer freeString(cURL)

	// An empty encoding is sent as NULL, which selects the server's default.
	var cEncoding *C.char
	if encoding != "" {
		if cEncoding, err = cString(encoding, "encoding"); err != nil {
			return "", err
		}
		defer freeString(cEncoding)
	}

	// The C API takes the event names as one comma-separated list.
	cEvents, err := cString(strings.Join(events, ","), "events")
	if err != nil {
		return "", err
	}
	defer freeString(cEvents)

	return w.client.call(func(handle *C.ZiggeoClient, body **C.char, cErr **C.ZiggeoError) C.enum_ZiggeoStatus {
		return C.ziggeo_webhooks_create(handle, cURL, cEncoding, cEvents, body, cErr)
	})
}

// Confirm confirms a webhook with the validation code Ziggeo sent to its
// target URL. Both values are sent exactly as given.
func (w *Webhooks) Confirm(webhookID, validationCode string) (string, error) {
	cID, err := cString(webhookID, "webhook id")
	if err != nil {
		return "", err
	}
	defer freeString(cID)
	cCode, err := cString(validationCode, "validation code")
	if err != nil {
		return "", err
	}
	defer freeString(cCode)

	return w.client.call(func(handle *C.ZiggeoClient, body **C.char, cErr **C.ZiggeoError) C.enum_ZiggeoStatus {
		return C.ziggeo_webhooks_confirm(handle, cID, cCode, body, cErr)
	})
}

// ConfirmDelivery confirms the webhook named in a parsed validation
// delivery. It fails with ErrInvalidArgument when the delivery is not a
// validation call, and with ErrClosed when the delivery was closed.
func (w *Webhooks) ConfirmDelivery(delivery *Delivery) (string, error) {
	if delivery == nil {
		return "", invalidArgument("invalid delivery: it is nil; pass a delivery from ParseDelivery")
	}
	delivery.mu.RLock()
	defer delivery.mu.RUnlock()

	if delivery.handle == nil {
		return "", closedError("delivery")
	}
	body, err := w.client.call(func(handle *C.ZiggeoClient, body **C.char, cErr **C.ZiggeoError) C.enum_ZiggeoStatus {
		return C.ziggeo_webhooks_confirm_delivery(handle, delivery.handle, body, cErr)
	})
	runtime.KeepAlive(delivery)
	return body, err
}

// Delete removes every webhook whose target URL is exactly targetURL.
func (w *Webhooks) Delete(targetURL string) (string, error) {
	cURL, err := cString(targetURL, "target URL")
	if err != nil {
		return "", err
	}
	defer freeString(cURL)

	return w.client.call(func(handle *C.ZiggeoClient, body **C.char, cErr **C.ZiggeoError) C.enum_ZiggeoStatus {
		return C.ziggeo_webhooks_delete(handle, cURL, body, cErr)
	})
}
