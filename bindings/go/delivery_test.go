package ziggeo_test

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"

	ziggeo "github.com/libziggeo/libziggeo/bindings/go"
)

const (
	jsonType = "application/json"
	formType = "application/x-www-form-urlencoded"
)

func TestParseDeliveryEncodings(t *testing.T) {
	eventJSON := `{"event_type": "video_ready", "data": {"video": {"token": "v1"}}}`
	cases := []struct {
		name        string
		body        string
		contentType string
		kind        ziggeo.DeliveryKind
		eventType   string
		webhookID   string
		code        string
		jsonPart    string
	}{
		{"json ping", `{"ziggeo_validation": true, "message": "check"}`, jsonType, ziggeo.DeliveryPing, "", "", "", `"message":"check"`},
		{"json validation", `{"ziggeo_validation": true, "validation_code": "012345", "webhook_id": "abc"}`, jsonType,
			ziggeo.DeliveryValidation, "", "abc", "012345", `"webhook_id":"abc"`},
		{"json event", eventJSON, "application/json; charset=UTF-8", ziggeo.DeliveryEvent, "video_ready", "", "", `"token":"v1"`},
		{"form validation", "ziggeo_validation=true&validation_code=482913&webhook_id=def", formType,
			ziggeo.DeliveryValidation, "", "def", "482913", `"validation_code":"482913"`},
		{"form event", "event_type=video_ready&data%5Bvideo%5D%5Btoken%5D=v2", formType,
			ziggeo.DeliveryEvent, "video_ready", "", "", `"token":"v2"`},
		{"jsonheader event", "json=" + url.QueryEscape(eventJSON), formType,
			ziggeo.DeliveryEvent, "video_ready", "", "", `"token":"v1"`},
		{"no content type", eventJSON, "", ziggeo.DeliveryEvent, "video_ready", "", "", `"token":"v1"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			delivery, err := ziggeo.ParseDelivery([]byte(tc.body), tc.contentType)
			if err != nil {
				t.Fatalf("ParseDelivery: %v", err)
			}
			defer delivery.Close()

			if delivery.Kind() != tc.kind {
				t.Errorf("Kind() = %v, want %v", delivery.Kind(), tc.kind)
			}
			if delivery.EventType() != tc.eventType {
				t.Errorf("EventType() = %q, want %q", delivery.EventType(), tc.eventType)
			}
			if delivery.WebhookID() != tc.webhookID {
				t.Errorf("WebhookID() = %q, want %q", delivery.WebhookID(), tc.webhookID)
			}
			if delivery.ValidationCode() != tc.code {
				t.Errorf("ValidationCode() = %q, want %q", delivery.ValidationCode(), tc.code)
			}
			if !strings.Contains(delivery.JSON(), tc.jsonPart) {
				t.Errorf("JSON() = %s, want it to contain %s", delivery.JSON(), tc.jsonPart)
			}
		})
	}
}

func TestParseDeliveryInvalidBody(t *testing.T) {
	for _, body := range []string{"{not json", "", "{\"event_type\": \"video_ready\"}\x00trailing"} {
		delivery, err := ziggeo.ParseDelivery([]byte(body), jsonType)

		if !errors.Is(err, ziggeo.ErrInvalidDelivery) {
			t.Errorf("ParseDelivery(%q) error = %v, want ErrInvalidDelivery", body, err)
		}
		if delivery != nil {
			t.Errorf("ParseDelivery(%q) delivery = %v, want nil", body, delivery)
		}
	}
}

func TestDeliveryCloseTwice(t *testing.T) {
	client := newClient(t)
	delivery, err := ziggeo.ParseDelivery([]byte(`{"ziggeo_validation": true, "validation_code": 123456, "webhook_id": "abc"}`), jsonType)
	if err != nil {
		t.Fatalf("ParseDelivery: %v", err)
	}

	if err := delivery.Close(); err != nil {
		t.Fatalf("first Close: %v", err)
	}
	if err := delivery.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}

	if delivery.ValidationCode() != "123456" {
		t.Errorf("ValidationCode() after Close = %q, want 123456", delivery.ValidationCode())
	}
	if _, err := client.Webhooks().ConfirmDelivery(delivery); !errors.Is(err, ziggeo.ErrClosed) {
		t.Errorf("ConfirmDelivery error = %v, want ErrClosed", err)
	}
}

func TestConfirmDeliveryRejectsPing(t *testing.T) {
	client := newClient(t)
	ping, err := ziggeo.ParseDelivery([]byte(`{"ziggeo_validation": true, "message": "check"}`), jsonType)
	if err != nil {
		t.Fatalf("ParseDelivery: %v", err)
	}
	defer ping.Close()

	_, err = client.Webhooks().ConfirmDelivery(ping)

	if !errors.Is(err, ziggeo.ErrInvalidArgument) {
		t.Errorf("error = %v, want ErrInvalidArgument", err)
	}
	if _, err := client.Webhooks().ConfirmDelivery(nil); !errors.Is(err, ziggeo.ErrInvalidArgument) {
		t.Errorf("ConfirmDelivery(nil) error = %v, want ErrInvalidArgument", err)
	}
}

func TestDeliveryStringHidesHandle(t *testing.T) {
	delivery, err := ziggeo.ParseDelivery([]byte(`{"event_type":"video_ready","data":{}}`), "application/json")
	if err != nil {
		t.Fatalf("ParseDelivery: %v", err)
	}
	defer delivery.Close()

	if got := delivery.Kind().String(); got != "event" {
		t.Errorf("Kind().String() = %q, want \"event\"", got)
	}
	if got := fmt.Sprintf("%v", delivery); got != `ziggeo.Delivery{event "video_ready"}` {
		t.Errorf("%%v = %q", got)
	}
}
