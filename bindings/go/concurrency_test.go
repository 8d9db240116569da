package ziggeo_test

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	ziggeo "github.com/libziggeo/libziggeo/bindings/go"
)

// TestSharedClient has 16 goroutines share one client for 500 calls each,
// alternating create and delete on a URL of their own.
func TestSharedClient(t *testing.T) {
	const goroutines, calls = 16, 500
	resetSandbox(t)
	client := newClient(t)
	var succeeded atomic.Int64
	var wg sync.WaitGroup

	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			url := receiver.url(fmt.Sprintf("/go/shared/%d", g))
			for i := 0; i < calls; i += 2 {
				id, err := client.Webhooks().Create(url, "json", []string{"video_ready"})
				if err != nil || len(id) != 32 {
					t.Errorf("goroutine %d call %d: Create = %q, %v", g, i, id, err)
					return
				}
				body, err := client.Webhooks().Delete(url)
				if err != nil || body != "null" {
					t.Errorf("goroutine %d call %d: Delete = %q, %v", g, i+1, body, err)
					return
				}
				succeeded.Add(2)
			}
		}(g)
	}
	wg.Wait()

	if got := succeeded.Load(); got != goroutines*calls {
		t.Errorf("%d calls succeeded, want %d", got, goroutines*calls)
	}
}

// TestFinalizerClosesClient drops a client without Close and lets the
// garbage collector free it; the test passes when nothing crashes.
func TestFinalizerClosesClient(t *testing.T) {
	for i := 0; i < 100; i++ {
		if _, err := ziggeo.NewClient(appToken, privateKey, ziggeo.WithBaseURL(sandboxURL)); err != nil {
			t.Fatalf("NewClient: %v", err)
		}
		if _, err := ziggeo.ParseDelivery([]byte(`{"event_type": "video_ready", "data": {}}`), ""); err != nil {
			t.Fatalf("ParseDelivery: %v", err)
		}
	}
	runtime.GC()
	runtime.GC()
}
