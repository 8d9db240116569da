package ziggeo_test

import (
	"strings"
	"testing"

	ziggeo "github.com/libziggeo/libziggeo/bindings/go"
)

// TestHandshake runs the whole flow in each encoding: create, receive the
// ping and the validation call, confirm from the delivery, receive an event,
// delete.
func TestHandshake(t *testing.T) {
	for _, encoding := range []string{"json", "jsonheader", "form"} {
		t.Run(encoding, func(t *testing.T) {
			resetSandbox(t)
			client := newClient(t)
			path := "/go/handshake/" + encoding

			id, err := client.Webhooks().Create(receiver.url(path), encoding, []string{"video_ready"})
			if err != nil {
				t.Fatalf("Create: %v", err)
			}

			handshake := receiver.waitFor(path, 2)
			if len(handshake) != 2 {
				t.Fatalf("received %d handshake calls, want 2", len(handshake))
			}
			ping := parse(t, handshake[0])
			if ping.Kind() != ziggeo.DeliveryPing {
				t.Errorf("first call Kind() = %v, want DeliveryPing", ping.Kind())
			}
			validation := parse(t, handshake[1])
			if validation.Kind() != ziggeo.DeliveryValidation {
				t.Fatalf("second call Kind() = %v, want DeliveryValidation", validation.Kind())
			}
			if validation.WebhookID() != id {
				t.Errorf("WebhookID() = %q, want %q", validation.WebhookID(), id)
			}
			if len(validation.ValidationCode()) != 6 {
				t.Errorf("ValidationCode() = %q, want 6 digits", validation.ValidationCode())
			}

			body, err := client.Webhooks().ConfirmDelivery(validation)
			if err != nil || body != "true" {
				t.Fatalf("ConfirmDelivery = %q, %v; want \"true\", nil", body, err)
			}

			adminRequest(t, "POST", "/_sandbox/events", `{"event_type": "video_ready", "data": {"video": {"token": "go-video"}}}`)
			all := receiver.waitFor(path, 3)
			if len(all) != 3 {
				t.Fatalf("received %d calls, want 3 with the event", len(all))
			}
			event := parse(t, all[2])
			if event.Kind() != ziggeo.DeliveryEvent || event.EventType() != "video_ready" {
				t.Errorf("event Kind() = %v, EventType() = %q", event.Kind(), event.EventType())
			}
			if !strings.Contains(event.JSON(), "go-video") {
				t.Errorf("event JSON() = %s, want the video token", event.JSON())
			}

			if body, err := client.Webhooks().Delete(receiver.url(path)); err != nil || body != "null" {
				t.Errorf("Delete = %q, %v; want \"null\", nil", body, err)
			}
		})
	}
}

func TestConfirmByIDAndCode(t *testing.T) {
	resetSandbox(t)
	client := newClient(t)
	id, err := client.Webhooks().Create(receiver.url("/go/by-code"), "json", []string{"video_ready"})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	handshake := receiver.waitFor("/go/by-code", 2)
	if len(handshake) != 2 {
		t.Fatalf("received %d handshake calls, want 2", len(handshake))
	}

	body, err := client.Webhooks().Confirm(id, parse(t, handshake[1]).ValidationCode())

	if err != nil || body != "true" {
		t.Errorf("Confirm = %q, %v; want \"true\", nil", body, err)
	}
}

// parse parses a received request, closing the delivery when the test ends.
func parse(t *testing.T, request receivedRequest) *ziggeo.Delivery {
	t.Helper()
	delivery, err := ziggeo.ParseDelivery(request.body, request.contentType)
	if err != nil {
		t.Fatalf("ParseDelivery(%q): %v", request.body, err)
	}
	t.Cleanup(func() { _ = delivery.Close() })
	return delivery
}
