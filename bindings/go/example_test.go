package ziggeo_test

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"time"

	ziggeo "github.com/libziggeo/libziggeo/bindings/go"
)

// Example registers a webhook and serves its target URL. It is compiled
// but not run, because it needs real credentials.
func Example() {
	client, err := ziggeo.NewClient("APP_TOKEN", "PRIVATE_KEY", ziggeo.WithTimeout(30*time.Second))
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	id, err := client.Webhooks().Create("https://example.com/ziggeo-hook", "json",
		[]string{"video_ready", "video_delete"})
	var zerr *ziggeo.Error
	switch {
	case errors.Is(err, ziggeo.ErrTimeout) && errors.As(err, &zerr) && zerr.OutcomeUnknown:
		log.Print("the webhook may exist; delete it before creating it again")
	case errors.As(err, &zerr) && zerr.Status == ziggeo.StatusHTTP:
		log.Printf("HTTP %d: %s", zerr.HTTPStatus, zerr.Body)
	case err != nil:
		log.Print(err)
	default:
		fmt.Println("created", id)
	}

	// The handler of https://example.com/ziggeo-hook responds 200 to every delivery.
	http.HandleFunc("/ziggeo-hook", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		delivery, err := ziggeo.ParseDelivery(body, r.Header.Get("Content-Type"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		defer delivery.Close()

		switch delivery.Kind() {
		case ziggeo.DeliveryValidation:
			if _, err := client.Webhooks().ConfirmDelivery(delivery); err != nil {
				log.Print(err)
			}
		case ziggeo.DeliveryEvent:
			log.Printf("%s: %s", delivery.EventType(), delivery.JSON())
		}
	})
}
