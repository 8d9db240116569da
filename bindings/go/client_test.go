package ziggeo_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	ziggeo "github.com/libziggeo/libziggeo/bindings/go"
)

var webhookIDPattern = regexp.MustCompile(`^[0-9a-f]{32}$`)

// asError extracts the *ziggeo.Error from err, failing the test without one.
func asError(t *testing.T, err error) *ziggeo.Error {
	t.Helper()
	var zerr *ziggeo.Error
	if !errors.As(err, &zerr) {
		t.Fatalf("error %v (%T) is not a *ziggeo.Error", err, err)
	}
	return zerr
}

func TestCreateReturnsWebhookID(t *testing.T) {
	resetSandbox(t)
	client := newClient(t)

	id, err := client.Webhooks().Create(receiver.url("/go/create"), "json", []string{"video_ready"})

	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	if !webhookIDPattern.MatchString(id) {
		t.Errorf("webhook id = %q, want 32 hex digits", id)
	}
}

func TestCreateWithDefaultEncoding(t *testing.T) {
	resetSandbox(t)
	client := newClient(t)

	id, err := client.Webhooks().Create(receiver.url("/go/default"), "", []string{"video_ready", "video_delete"})

	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	if !webhookIDPattern.MatchString(id) {
		t.Errorf("webhook id = %q, want 32 hex digits", id)
	}
}

func TestDeleteRemovesWebhook(t *testing.T) {
	resetSandbox(t)
	client := newClient(t)
	url := receiver.url("/go/delete")
	if _, err := client.Webhooks().Create(url, "form", []string{"video_ready"}); err != nil {
		t.Fatalf("Create: %v", err)
	}

	body, err := client.Webhooks().Delete(url)
	if err != nil || body != "null" {
		t.Fatalf("Delete = %q, %v; want \"null\", nil", body, err)
	}

	_, err = client.Webhooks().Delete(url)
	if !errors.Is(err, ziggeo.ErrHTTP) {
		t.Fatalf("second Delete error = %v, want ErrHTTP", err)
	}
	zerr := asError(t, err)
	if zerr.HTTPStatus != 404 {
		t.Errorf("HTTPStatus = %d, want 404", zerr.HTTPStatus)
	}
	if zerr.Body == "" {
		t.Error("Body is empty, want the sandbox's message")
	}
}

func TestConfirmWrongCodeIs400(t *testing.T) {
	resetSandbox(t)
	client := newClient(t)
	id, err := client.Webhooks().Create(receiver.url("/go/confirm-400"), "json", []string{"video_ready"})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}

	_, err = client.Webhooks().Confirm(id, "000000")

	zerr := asError(t, err)
	if zerr.Status != ziggeo.StatusHTTP {
		t.Errorf("Status = %v, want %v", zerr.Status, ziggeo.StatusHTTP)
	}
	if zerr.HTTPStatus != 400 {
		t.Errorf("HTTPStatus = %d, want 400", zerr.HTTPStatus)
	}
	if zerr.Body == "" {
		t.Error("Body is empty, want the sandbox's message")
	}
	if !strings.Contains(err.Error(), "400") {
		t.Errorf("message %q does not name the HTTP status", err)
	}
}

func TestConfirmUnknownIDIs404(t *testing.T) {
	resetSandbox(t)
	client := newClient(t)

	_, err := client.Webhooks().Confirm("0123456789abcdef0123456789abcdef", "123456")

	zerr := asError(t, err)
	if zerr.HTTPStatus != 404 {
		t.Errorf("HTTPStatus = %d, want 404", zerr.HTTPStatus)
	}
	if !strings.Contains(zerr.Body, "not found") {
		t.Errorf("Body = %q, want it to say not found", zerr.Body)
	}
}

func TestWrongPrivateKeyIs401(t *testing.T) {
	resetSandbox(t)
	client, err := ziggeo.NewClient(appToken, "wrong-secret-key", ziggeo.WithBaseURL(sandboxURL), ziggeo.WithProxyFromEnv(false))
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	defer client.Close()

	_, err = client.Webhooks().Create(receiver.url("/go/401"), "json", []string{"video_ready"})

	if !errors.Is(err, ziggeo.ErrHTTP) {
		t.Fatalf("error = %v, want ErrHTTP", err)
	}
	zerr := asError(t, err)
	if zerr.HTTPStatus != 401 {
		t.Errorf("HTTPStatus = %d, want 401", zerr.HTTPStatus)
	}
	if !strings.Contains(zerr.Body, "unauthorized") {
		t.Errorf("Body = %q, want it to say unauthorized", zerr.Body)
	}
	if strings.Contains(fmt.Sprintf("%v %+v %#v", err, zerr, client), "wrong-secret-key") {
		t.Error("the private key appears in the error or the client's text")
	}
}

func TestCreateTimesOutOnDelayFault(t *testing.T) {
	resetSandbox(t)
	adminRequest(t, "POST", "/_sandbox/faults", `{"path": "/v1/api/hook", "count": 1, "action": "delay", "delay_ms": 2000}`)
	client := newClient(t, ziggeo.WithTimeout(300*time.Millisecond))

	started := time.Now()
	_, err := client.Webhooks().Create(receiver.url("/go/timeout"), "json", []string{"video_ready"})
	elapsed := time.Since(started)

	if !errors.Is(err, ziggeo.ErrTimeout) {
		t.Fatalf("error = %v, want ErrTimeout", err)
	}
	if !asError(t, err).OutcomeUnknown {
		t.Error("OutcomeUnknown = false, want true for a create that timed out after sending")
	}
	if elapsed > 1900*time.Millisecond {
		t.Errorf("the call took %v, want it to stop near the 300 ms timeout", elapsed)
	}
}

func TestDroppedConnectionIsConnectionError(t *testing.T) {
	resetSandbox(t)
	adminRequest(t, "POST", "/_sandbox/faults", `{"path": "/v1/api/hook", "count": 1, "action": "drop"}`)
	client := newClient(t)

	_, err := client.Webhooks().Create(receiver.url("/go/drop"), "json", []string{"video_ready"})

	if !errors.Is(err, ziggeo.ErrConnection) {
		t.Fatalf("error = %v, want ErrConnection", err)
	}
	if errors.Is(err, ziggeo.ErrTimeout) {
		t.Errorf("error %v also matches ErrTimeout", err)
	}
}

func TestInvalidEventNameIsRejected(t *testing.T) {
	resetSandbox(t)
	client := newClient(t)

	_, err := client.Webhooks().Create(receiver.url("/go/bad"), "json", []string{"Video Ready"})

	if !errors.Is(err, ziggeo.ErrInvalidArgument) {
		t.Fatalf("error = %v, want ErrInvalidArgument", err)
	}
	if !strings.Contains(err.Error(), "Video Ready") {
		t.Errorf("message %q does not name the invalid event", err)
	}
}

func TestNulByteIsRejected(t *testing.T) {
	client := newClient(t)

	_, err := client.Webhooks().Delete(receiver.url("/go/a\x00b"))

	if !errors.Is(err, ziggeo.ErrInvalidArgument) {
		t.Fatalf("error = %v, want ErrInvalidArgument", err)
	}
	if !strings.Contains(err.Error(), "target URL") {
		t.Errorf("message %q does not name the target URL", err)
	}
}

func TestNewClientRejectsBadArguments(t *testing.T) {
	cases := []struct {
		name       string
		token, key string
		opts       []ziggeo.Option
	}{
		{"empty token", "", privateKey, nil},
		{"empty key", appToken, "", nil},
		{"negative timeout", appToken, privateKey, []ziggeo.Option{ziggeo.WithTimeout(-time.Second)}},
		{"zero connect timeout", appToken, privateKey, []ziggeo.Option{ziggeo.WithConnectTimeout(0)}},
		{"bad base URL", appToken, privateKey, []ziggeo.Option{ziggeo.WithBaseURL("not a url")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			client, err := ziggeo.NewClient(tc.token, tc.key, tc.opts...)

			if !errors.Is(err, ziggeo.ErrInvalidArgument) {
				t.Errorf("error = %v, want ErrInvalidArgument", err)
			}
			if client != nil {
				t.Errorf("client = %v, want nil", client)
			}
		})
	}
}

func TestCloseTwice(t *testing.T) {
	client := newClient(t)

	if err := client.Close(); err != nil {
		t.Fatalf("first Close: %v", err)
	}
	if err := client.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}

	_, err := client.Webhooks().Delete(receiver.url("/go/closed"))
	if !errors.Is(err, ziggeo.ErrClosed) {
		t.Errorf("error = %v, want ErrClosed", err)
	}
	if !errors.Is(err, ziggeo.ErrInvalidArgument) {
		t.Errorf("error = %v, want ErrInvalidArgument", err)
	}
	if client.String() != "ziggeo.Client(closed)" {
		t.Errorf("String() = %q", client.String())
	}
}

func TestStatusString(t *testing.T) {
	if got := ziggeo.StatusTimeout.String(); got == "" || got == "unknown status" {
		t.Errorf("StatusTimeout.String() = %q", got)
	}
	if got := ziggeo.Status(999).String(); got != "unknown status" {
		t.Errorf("Status(999).String() = %q, want \"unknown status\"", got)
	}
}

func TestVersion(t *testing.T) {
	if !regexp.MustCompile(`^\d+\.\d+\.\d+`).MatchString(ziggeo.Version()) {
		t.Errorf("Version() = %q", ziggeo.Version())
	}
}
