package ziggeo

// #include <stdlib.h>
// #include <ziggeo.h>
import "C"

import (
	"fmt"
	"runtime"
	"sync"
	"unsafe"
)

// DeliveryKind is the kind of a delivery: ping, validation call or event.
type DeliveryKind int

const (
	// DeliveryPing is the reachability ping after create. Respond with HTTP 200.
	DeliveryPing DeliveryKind = C.ZIGGEO_DELIVERY_KIND_PING
	// DeliveryValidation is the validation call. Respond with HTTP 200, then
	// pass the delivery to Webhooks.ConfirmDelivery.
	DeliveryValidation DeliveryKind = C.ZIGGEO_DELIVERY_KIND_VALIDATION
	// DeliveryEvent is an event such as video_ready.
	DeliveryEvent DeliveryKind = C.ZIGGEO_DELIVERY_KIND_EVENT
)

// String returns "ping", "validation" or "event".
func (kind DeliveryKind) String() string {
	switch kind {
	case DeliveryPing:
		return "ping"
	case DeliveryValidation:
		return "validation"
	case DeliveryEvent:
		return "event"
	default:
		return fmt.Sprintf("DeliveryKind(%d)", int(kind))
	}
}

// String describes the delivery by kind and its identifying field, without
// its internal handle.
func (d *Delivery) String() string {
	switch d.kind {
	case DeliveryValidation:
		return fmt.Sprintf("ziggeo.Delivery{validation, webhook id %q}", d.webhookID)
	case DeliveryEvent:
		return fmt.Sprintf("ziggeo.Delivery{event %q}", d.eventType)
	default:
		return fmt.Sprintf("ziggeo.Delivery{%s}", d.kind)
	}
}

// Delivery is a parsed request that Ziggeo POSTed to a webhook's target URL.
// Its values are copied at parse time, so they stay readable after Close.
// It owns a native handle, which ConfirmDelivery needs, until Close or the
// finaliser frees it. It is safe for concurrent use.
type Delivery struct {
	mu     sync.RWMutex
	handle *C.ZiggeoDelivery

	kind           DeliveryKind
	eventType      string
	webhookID      string
	validationCode string
	json           string
}

// ParseDelivery parses the body of a request to a webhook's target URL.
// contentType is the request's Content-Type header, or "" when it had none.
// It fails with ErrInvalidDelivery for a body that is not a delivery.
func ParseDelivery(body []byte, contentType string) (*Delivery, error) {
	var cType *C.char
	if contentType != "" {
		var err error
		if cType, err = cString(contentType, "content type"); err != nil {
			return nil, err
		}
		defer freeString(cType)
	}

	var cBody *C.uint8_t
	if len(body) > 0 {
		cBody = (*C.uint8_t)(unsafe.Pointer(&body[0]))
	}
	var handle *C.ZiggeoDelivery
	var cErr *C.ZiggeoError
	if err := check(C.ziggeo_delivery_parse(cType, cBody, C.size_t(len(body)), &handle, &cErr), &cErr); err != nil {
		return nil, err
	}
	runtime.KeepAlive(body)

	delivery := &Delivery{
		handle:         handle,
		kind:           DeliveryKind(C.ziggeo_delivery_kind(handle)),
		eventType:      optionalString(C.ziggeo_delivery_event_type(handle)),
		webhookID:      optionalString(C.ziggeo_delivery_webhook_id(handle)),
		validationCode: optionalString(C.ziggeo_delivery_validation_code(handle)),
	}
	var json *C.char
	if err := check(C.ziggeo_delivery_json(handle, &json, &cErr), &cErr); err != nil {
		C.ziggeo_delivery_free(handle)
		return nil, err
	}
	delivery.json = takeString(json)
	runtime.SetFinalizer(delivery, (*Delivery).Close)
	return delivery, nil
}

// Kind returns what the delivery is.
func (d *Delivery) Kind() DeliveryKind { return d.kind }

// EventType returns the event type of an event, such as "video_ready", or "".
func (d *Delivery) EventType() string { return d.eventType }

// WebhookID returns the webhook id of a validation call, or "".
func (d *Delivery) WebhookID() string { return d.webhookID }

// ValidationCode returns the validation code of a validation call as the
// digits that were sent ("012345" keeps its zero), or "".
func (d *Delivery) ValidationCode() string { return d.validationCode }

// JSON returns the whole delivery normalised to one JSON document.
func (d *Delivery) JSON() string { return d.json }

// Close frees the native delivery. Later ConfirmDelivery calls with it fail
// with ErrClosed; the values stay readable. Closing again does nothing. It
// always returns nil.
func (d *Delivery) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()

	if d.handle != nil {
		C.ziggeo_delivery_free(d.handle)
		d.handle = nil
		runtime.SetFinalizer(d, nil)
	}
	return nil
}

// optionalString copies a borrowed string, giving "" for NULL.
func optionalString(value *C.char) string {
	if value == nil {
		return ""
	}
	return C.GoString(value)
}
