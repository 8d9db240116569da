package ziggeo_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	ziggeo "github.com/libziggeo/libziggeo/bindings/go"
)

const (
	appToken   = "go-test-app-token"
	privateKey = "go-test-private-key"
)

var (
	// sandboxURL is the base URL of the sandbox that TestMain started.
	sandboxURL string
	// receiver plays the target URL of every webhook the tests create.
	receiver *targetReceiver
	// admin sends the tests' own requests to the sandbox, never via a proxy.
	admin = &http.Client{Transport: &http.Transport{Proxy: nil}, Timeout: 10 * time.Second}
)

// TestMain starts one receiver and one sandbox for the whole run, and stops
// the sandbox before the receiver so every handshake call reaches it.
func TestMain(m *testing.M) {
	receiver = newTargetReceiver()
	sandbox, err := startSandbox()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	code := m.Run()

	_ = sandbox.Process.Kill()
	_ = sandbox.Wait()
	receiver.server.Close()
	os.Exit(code)
}

// startSandbox runs ZIGGEO_SANDBOX_BIN on 127.0.0.1 with a free port and
// reads its first line, "listening on http://127.0.0.1:PORT".
func startSandbox() (*exec.Cmd, error) {
	binary := os.Getenv("ZIGGEO_SANDBOX_BIN")
	if binary == "" {
		return nil, fmt.Errorf("ZIGGEO_SANDBOX_BIN is not set; run the tests with `make test-go`")
	}
	cmd := exec.Command(binary, "--listen", "127.0.0.1:0", "--app", appToken+":"+privateKey, "--quiet")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("cannot start the sandbox at %s: %w", binary, err)
	}

	lines := bufio.NewReader(stdout)
	first, err := lines.ReadString('\n')
	if err != nil || !strings.HasPrefix(first, "listening on ") {
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("unexpected first line from the sandbox: %q (%v)", first, err)
	}
	sandboxURL = strings.TrimSpace(strings.TrimPrefix(first, "listening on "))
	// Drop later output so the sandbox never blocks on a full pipe.
	go func() { _, _ = io.Copy(io.Discard, lines) }()
	return cmd, nil
}

// targetReceiver responds 200 to every request and keeps them by path.
type targetReceiver struct {
	server   *httptest.Server
	mu       sync.Mutex
	arrived  *sync.Cond
	requests map[string][]receivedRequest
}

type receivedRequest struct {
	contentType string
	body        []byte
}

func newTargetReceiver() *targetReceiver {
	r := &targetReceiver{requests: map[string][]receivedRequest{}}
	r.arrived = sync.NewCond(&r.mu)
	r.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.requests[req.URL.Path] = append(r.requests[req.URL.Path], receivedRequest{req.Header.Get("Content-Type"), body})
		r.arrived.Broadcast()
		r.mu.Unlock()
		_, _ = w.Write([]byte("ok"))
	}))
	return r
}

// url returns a target URL on the receiver; the path should be unique to the test.
func (r *targetReceiver) url(path string) string {
	return r.server.URL + path
}

// waitFor waits up to 10 s for count requests to path and returns those that arrived.
func (r *targetReceiver) waitFor(path string, count int) []receivedRequest {
	deadline := time.Now().Add(10 * time.Second)
	wake := time.AfterFunc(10*time.Second, func() {
		r.mu.Lock()
		r.arrived.Broadcast()
		r.mu.Unlock()
	})
	defer wake.Stop()

	r.mu.Lock()
	defer r.mu.Unlock()
	for len(r.requests[path]) < count && time.Now().Before(deadline) {
		r.arrived.Wait()
	}
	return append([]receivedRequest(nil), r.requests[path]...)
}

// adminRequest sends a JSON body to one of the sandbox's /_sandbox/ routes.
func adminRequest(t *testing.T, method, path, body string) {
	t.Helper()
	req, err := http.NewRequest(method, sandboxURL+path, bytes.NewBufferString(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := admin.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s %s: HTTP %d: %s", method, path, resp.StatusCode, answer)
	}
}

// resetSandbox clears the sandbox's webhooks and faults.
func resetSandbox(t *testing.T) {
	t.Helper()
	adminRequest(t, http.MethodPost, "/_sandbox/reset", "")
	adminRequest(t, http.MethodDelete, "/_sandbox/faults", "")
}

// newClient makes a client for the sandbox that is closed when the test ends.
func newClient(t *testing.T, opts ...ziggeo.Option) *ziggeo.Client {
	t.Helper()
	all := append([]ziggeo.Option{ziggeo.WithBaseURL(sandboxURL), ziggeo.WithProxyFromEnv(false)}, opts...)
	client, err := ziggeo.NewClient(appToken, privateKey, all...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	t.Cleanup(func() { _ = client.Close() })
	return client
}
