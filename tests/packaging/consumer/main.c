/*
 * consumer: a program built against an installed libziggeo, the way a user
 * builds one (pkg-config, CMake or an unpacked .deb). It makes the three
 * webhook calls against a sandbox:
 *
 *   1. create a webhook whose target URL is a receiver in this process;
 *   2. confirm it with the webhook id and validation code that the server
 *      sends to that receiver, parsed with ziggeo_delivery_parse();
 *   3. delete it by target URL.
 *
 * Usage: consumer BASE_URL APP_TOKEN PRIVATE_KEY
 * Exits 0 when all three calls succeed, and 1 with a message otherwise.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ziggeo.h>

#include "receiver.h"

/* How long to wait for each handshake call from the server. */
#define DELIVERY_TIMEOUT_MS 15000

/* Prints a failed call's status and message, frees the error and returns 1. */
static int report(const char *call, ZiggeoStatus status, ZiggeoError *error) {
    const char *message = ziggeo_error_message(error);
    fprintf(stderr, "%s failed: %s (status %d): %s\n", call, ziggeo_status_message((int32_t)status),
            (int)status, message != NULL ? message : "no details");
    if (ziggeo_error_http_status(error) != 0) {
        fprintf(stderr, "  HTTP %d, body: %s\n", (int)ziggeo_error_http_status(error),
                ziggeo_error_body(error) != NULL ? ziggeo_error_body(error) : "");
    }
    ziggeo_error_free(error);
    return 1;
}

static ZiggeoClient *new_client(const char *base_url, const char *app_token, const char *private_key) {
    ZiggeoOptions *options = ziggeo_options_new();
    ZiggeoClient *client = NULL;
    ZiggeoError *error = NULL;
    ZiggeoStatus status = ziggeo_options_set_base_url(options, base_url, &error);

    if (status == ZIGGEO_STATUS_OK) {
        status = ziggeo_options_set_timeout_ms(options, 20000, &error);
    }
    if (status == ZIGGEO_STATUS_OK) {
        status = ziggeo_client_new(app_token, private_key, options, &client, &error);
    }
    ziggeo_options_free(options);
    if (status != ZIGGEO_STATUS_OK) {
        report("ziggeo_client_new", status, error);
        return NULL;
    }
    return client;
}

/* Receives deliveries until the validation call arrives; writes a parsed
 * validation delivery, owned by the caller, to *validation_out. */
static int wait_for_validation(struct receiver *receiver, ZiggeoDelivery **validation_out) {
    int received;

    for (received = 0; received < 2; received++) {
        struct received_request request;
        ZiggeoDelivery *delivery = NULL;
        ZiggeoError *error = NULL;
        ZiggeoStatus status;

        if (receiver_next(receiver, DELIVERY_TIMEOUT_MS, &request) != 0) {
            return 1;
        }
        status = ziggeo_delivery_parse(request.content_type[0] != '\0' ? request.content_type : NULL,
                                       (const uint8_t *)request.body, request.body_len, &delivery, &error);
        free(request.body);
        if (status != ZIGGEO_STATUS_OK) {
            return report("ziggeo_delivery_parse", status, error);
        }
        if (ziggeo_delivery_kind(delivery) == ZIGGEO_DELIVERY_KIND_VALIDATION) {
            *validation_out = delivery;
            return 0;
        }
        printf("received delivery of kind %d\n", (int)ziggeo_delivery_kind(delivery));
        ziggeo_delivery_free(delivery);
    }
    fprintf(stderr, "no validation call among the first two deliveries\n");
    return 1;
}

static int run(ZiggeoClient *client, struct receiver *receiver) {
    char target_url[64];
    char *webhook_id = NULL;
    char *body = NULL;
    ZiggeoDelivery *validation = NULL;
    ZiggeoError *error = NULL;
    ZiggeoStatus status;
    int failed = 0;

    snprintf(target_url, sizeof target_url, "http://127.0.0.1:%u/webhook", receiver->port);

    status = ziggeo_webhooks_create(client, target_url, "json", "video_ready,video_failed", &webhook_id, &error);
    if (status != ZIGGEO_STATUS_OK) {
        return report("ziggeo_webhooks_create", status, error);
    }
    printf("created webhook %s for %s\n", webhook_id, target_url);

    if (wait_for_validation(receiver, &validation) != 0) {
        failed = 1;
    } else if (ziggeo_delivery_webhook_id(validation) == NULL ||
               strcmp(ziggeo_delivery_webhook_id(validation), webhook_id) != 0) {
        fprintf(stderr, "validation call does not name webhook %s\n", webhook_id);
        failed = 1;
    } else {
        status = ziggeo_webhooks_confirm(client, webhook_id, ziggeo_delivery_validation_code(validation), &body,
                                         &error);
        if (status != ZIGGEO_STATUS_OK) {
            failed = report("ziggeo_webhooks_confirm", status, error);
        } else {
            printf("confirmed webhook %s: %s\n", webhook_id, body);
            ziggeo_string_free(body);
            body = NULL;
        }
    }
    ziggeo_delivery_free(validation);
    ziggeo_string_free(webhook_id);

    status = ziggeo_webhooks_delete(client, target_url, &body, &error);
    if (status != ZIGGEO_STATUS_OK) {
        return report("ziggeo_webhooks_delete", status, error);
    }
    printf("deleted webhooks of %s: %s\n", target_url, body);
    ziggeo_string_free(body);
    return failed;
}

int main(int argc, char **argv) {
    struct receiver receiver;
    ZiggeoClient *client;
    int failed;

    if (argc != 4) {
        fprintf(stderr, "usage: %s BASE_URL APP_TOKEN PRIVATE_KEY\n", argv[0]);
        return 2;
    }
    printf("libziggeo %s (header %s)\n", ziggeo_version(), ZIGGEO_VERSION_STRING);
    if (strcmp(ziggeo_version(), ZIGGEO_VERSION_STRING) != 0) {
        fprintf(stderr, "version mismatch: the loaded library is %s but the header is %s; check the library search path\n",
                ziggeo_version(), ZIGGEO_VERSION_STRING);
        return 1;
    }

    client = new_client(argv[1], argv[2], argv[3]);
    if (client == NULL) {
        return 1;
    }
    if (receiver_open(&receiver) != 0) {
        ziggeo_client_free(client);
        return 1;
    }
    failed = run(client, &receiver);
    receiver_close(&receiver);
    ziggeo_client_free(client);
    if (!failed) {
        printf("all three calls succeeded\n");
    }
    return failed;
}
