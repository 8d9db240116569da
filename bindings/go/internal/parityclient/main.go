// Command parityclient makes the three webhook calls through the Go binding
// for tests/parity/check.sh, with the arguments it puts in the environment.
package main

import (
	"fmt"
	"os"
	"strings"

	ziggeo "github.com/libziggeo/libziggeo/bindings/go"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "parity client failed:", err)
		os.Exit(1)
	}
}

func run() error {
	client, err := ziggeo.NewClient(os.Getenv("ZIGGEO_PARITY_TOKEN"), os.Getenv("ZIGGEO_PARITY_KEY"),
		ziggeo.WithBaseURL(os.Getenv("ZIGGEO_PARITY_BASE_URL")))
	if err != nil {
		return err
	}
	defer client.Close()
	targetURL := os.Getenv("ZIGGEO_PARITY_TARGET_URL")
	events := strings.Split(os.Getenv("ZIGGEO_PARITY_EVENTS"), ",")

	id, err := client.Webhooks().Create(targetURL, os.Getenv("ZIGGEO_PARITY_ENCODING"), events)
	if err != nil {
		return err
	}
	fmt.Println(id)
	confirmed, err := client.Webhooks().Confirm(os.Getenv("ZIGGEO_PARITY_WEBHOOK_ID"), os.Getenv("ZIGGEO_PARITY_CODE"))
	if err != nil {
		return err
	}
	fmt.Println(confirmed)
	deleted, err := client.Webhooks().Delete(targetURL)
	if err != nil {
		return err
	}
	fmt.Println(deleted)
	return nil
}
