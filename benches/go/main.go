// Command bench is the benchmark driver for libziggeo's Go binding
// (bindings/go).
//
// It makes the calls described by the ZIGGEO_BENCH_* environment variables
// (see benches/README.md) from one or more goroutines sharing one client, and
// prints one JSON line of results on stdout. A failed call or an unexpected
// body ends the run with exit status 1.
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	ziggeo "github.com/libziggeo/libziggeo/bindings/go"
)

type bench struct {
	webhooks       *ziggeo.Webhooks
	op             string
	targetURL      string
	encoding       string
	events         []string
	webhookID      string
	validationCode string
	deleteURLs     []string // one target URL per call, for delete
}

// call makes call number index and checks its response body.
func (b *bench) call(index int) error {
	var body, expected string
	var err error
	switch b.op {
	case "create":
		body, err = b.webhooks.Create(b.targetURL, b.encoding, b.events)
	case "confirm":
		body, err = b.webhooks.Confirm(b.webhookID, b.validationCode)
		expected = "true"
	default:
		body, err = b.webhooks.Delete(b.deleteURLs[index])
		expected = "null"
	}
	if err != nil {
		return fmt.Errorf("call %d failed: %w", index, err)
	}
	if (expected == "" && len(body) != 32) || (expected != "" && body != expected) {
		return fmt.Errorf("call %d returned an unexpected body: %q", index, body)
	}
	return nil
}

func envOr(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

func envRequired(name string) string {
	value := os.Getenv(name)
	if value == "" {
		fail(fmt.Errorf("missing environment variable %s; see benches/README.md", name))
	}
	return value
}

func envCount(name string, fallback int) int {
	value := os.Getenv(name)
	if value == "" {
		return fallback
	}
	count, err := strconv.Atoi(value)
	if err != nil {
		fail(fmt.Errorf("%s=%q is not a whole number", name, value))
	}
	return count
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "bench-go: %v\n", err)
	os.Exit(1)
}

func cpuSeconds() float64 {
	var usage syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &usage)
	seconds := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return seconds(usage.Utime) + seconds(usage.Stime)
}

func rssKB() int {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(status), "\n") {
		if fields := strings.Fields(line); len(fields) >= 2 && fields[0] == "VmRSS:" {
			kb, _ := strconv.Atoi(fields[1])
			return kb
		}
	}
	return -1
}

// percentileUs returns the nearest-rank percentile of sorted seconds, in microseconds.
func percentileUs(sorted []float64, fraction float64) float64 {
	rank := int(math.Max(1, math.Ceil(fraction*float64(len(sorted)))))
	return sorted[rank-1] * 1e6
}

// runGoroutines makes calls numbered from first on threads goroutines and
// fills latencies, one per call, in seconds.
func runGoroutines(b *bench, first int, latencies []float64, threads int) error {
	calls := len(latencies)
	errs := make([]error, threads)
	var wg sync.WaitGroup
	next := 0
	for t := 0; t < threads; t++ {
		share := calls / threads
		if t < calls%threads {
			share++
		}
		start := next
		next += share
		wg.Add(1)
		go func(t, start, share int) {
			defer wg.Done()
			for i := start; i < start+share; i++ {
				began := time.Now()
				if err := b.call(first + i); err != nil {
					errs[t] = err
					return
				}
				latencies[i] = time.Since(began).Seconds()
			}
		}(t, start, share)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func main() {
	calls := envCount("ZIGGEO_BENCH_CALLS", 1000)
	warmup := envCount("ZIGGEO_BENCH_WARMUP", 20)
	threads := envCount("ZIGGEO_BENCH_THREADS", 1)
	if calls < 1 || threads < 1 || threads > 64 {
		fail(fmt.Errorf("ZIGGEO_BENCH_CALLS must be at least 1 and ZIGGEO_BENCH_THREADS 1 to 64"))
	}
	op := envOr("ZIGGEO_BENCH_OP", "create")
	if op != "create" && op != "confirm" && op != "delete" {
		fail(fmt.Errorf("ZIGGEO_BENCH_OP=%q; use create, confirm or delete", op))
	}

	initStart := time.Now()
	options := []ziggeo.Option{ziggeo.WithBaseURL(envRequired("ZIGGEO_BENCH_BASE_URL")), ziggeo.WithProxyFromEnv(false)}
	if caFile := os.Getenv("ZIGGEO_BENCH_CA_FILE"); caFile != "" {
		options = append(options, ziggeo.WithCABundle(caFile))
	}
	client, err := ziggeo.NewClient(envRequired("ZIGGEO_BENCH_APP_TOKEN"), envRequired("ZIGGEO_BENCH_PRIVATE_KEY"), options...)
	if err != nil {
		fail(err)
	}
	defer client.Close()
	initMs := time.Since(initStart).Seconds() * 1e3

	b := &bench{
		webhooks:       client.Webhooks(),
		op:             op,
		targetURL:      envRequired("ZIGGEO_BENCH_TARGET_URL"),
		encoding:       envOr("ZIGGEO_BENCH_ENCODING", "json"),
		events:         strings.Split(envOr("ZIGGEO_BENCH_EVENTS", "video_ready"), ","),
		webhookID:      os.Getenv("ZIGGEO_BENCH_WEBHOOK_ID"),
		validationCode: os.Getenv("ZIGGEO_BENCH_VALIDATION_CODE"),
	}
	if op == "delete" {
		// One webhook per call, at TARGET_URL/INDEX, made before the clock starts.
		for i := 0; i < warmup+calls; i++ {
			url := fmt.Sprintf("%s/%d", b.targetURL, i)
			if _, err := b.webhooks.Create(url, b.encoding, b.events); err != nil {
				fail(fmt.Errorf("create before delete failed: %w", err))
			}
			b.deleteURLs = append(b.deleteURLs, url)
		}
	}
	for i := 0; i < warmup; i++ {
		if err := b.call(i); err != nil {
			fail(err)
		}
	}

	// Written now, before the first RSS reading, so that RSS growth counts the
	// library's memory and not this slice's.
	latencies := make([]float64, calls)
	for i := range latencies {
		latencies[i] = -1
	}
	rssBefore := rssKB()
	cpuStart := cpuSeconds()
	wallStart := time.Now()
	err = runGoroutines(b, warmup, latencies, threads)
	wall := time.Since(wallStart).Seconds()
	cpu := cpuSeconds() - cpuStart
	rssAfter := rssKB()
	if err != nil {
		fail(err)
	}

	sort.Float64s(latencies)
	line, _ := json.Marshal(map[string]any{
		"client": "go", "op": op, "threads": threads, "calls": calls,
		"wall_s": wall, "cpu_s": cpu,
		"p50_us": percentileUs(latencies, 0.50), "p99_us": percentileUs(latencies, 0.99),
		"init_ms": initMs, "rss_before_kb": rssBefore, "rss_after_kb": rssAfter,
	})
	fmt.Println(string(line))
}
