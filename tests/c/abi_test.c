/* Calls every export of libziggeo from C: NULL in every pointer position,
 * invalid UTF-8, freeing NULL, the three webhook calls against the sandbox,
 * error objects, deliveries, and one client shared by several threads.
 *
 * make test-c runs it under valgrind memcheck and under ASan with UBSan, so
 * every allocation the library hands out must be freed here exactly once. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sandbox_process.h"
#include "ziggeo.h"

#define APP_TOKEN "c_test_token"
#define PRIVATE_KEY "c_test_private_key"
/* Nothing listens on port 9 of loopback, so the sandbox's handshake to this
 * target URL fails at once without leaving the machine. */
#define TARGET_URL "http://127.0.0.1:9/c-abi-test"

static int passed;
static int failed;

static void check(int condition, const char *what) {
    if (condition) {
        passed++;
    } else {
        failed++;
        fprintf(stderr, "FAIL: %s\n", what);
    }
}

/* Checks a status and, when the call failed, that the error in *error_slot
 * names `needle`. Frees the error and resets the slot. The slot is passed
 * by address because C leaves the order of argument evaluation open, so the
 * error must be read after the call has returned. */
static void check_error(ZiggeoStatus status, ZiggeoError **error_slot, ZiggeoStatus expected, const char *needle,
                        const char *what) {
    char label[512];
    ZiggeoError *error = *error_slot;

    *error_slot = NULL;

    snprintf(label, sizeof label, "%s: status %d, expected %d", what, (int)status, (int)expected);
    check(status == expected, label);
    if (expected != ZIGGEO_STATUS_OK) {
        const char *message = ziggeo_error_message(error);
        snprintf(label, sizeof label, "%s: message \"%s\" names \"%s\"", what, message ? message : "(null)", needle);
        check(error != NULL && message != NULL && strstr(message, needle) != NULL, label);
        check(ziggeo_error_code(error) == expected, "error object carries the status");
    }
    ziggeo_error_free(error);
}

static void test_free_null(void) {
    ziggeo_string_free(NULL);
    ziggeo_error_free(NULL);
    ziggeo_options_free(NULL);
    ziggeo_client_free(NULL);
    ziggeo_delivery_free(NULL);
    check(1, "every _free accepts NULL");
}

static void test_static_strings(void) {
    check(strcmp(ziggeo_version(), ZIGGEO_VERSION_STRING) == 0, "ziggeo_version matches the header");
    check(strcmp(ziggeo_status_message(ZIGGEO_STATUS_TIMEOUT), "timeout") == 0, "status message of a timeout");
    check(strcmp(ziggeo_status_message(12345), "unknown status") == 0, "status message of an unknown code");
    check(strcmp(ziggeo_status_message(-1), "unknown status") == 0, "status message of a negative code");
}

static void test_error_accessors_null(void) {
    check(ziggeo_error_code(NULL) == ZIGGEO_STATUS_INVALID_ARGUMENT, "error code of NULL");
    check(ziggeo_error_message(NULL) == NULL, "error message of NULL");
    check(ziggeo_error_http_status(NULL) == 0, "HTTP status of NULL");
    check(ziggeo_error_body(NULL) == NULL, "error body of NULL");
    check(!ziggeo_error_outcome_unknown(NULL), "outcome of NULL");
}

static void test_options_null_and_invalid(void) {
    ZiggeoError *error = NULL;
    ZiggeoOptions *options = ziggeo_options_new();

    check(options != NULL, "options_new returns an object");
    check_error(ziggeo_options_set_base_url(NULL, "http://x", &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "options", "set_base_url with NULL options");
    error = NULL;
    check_error(ziggeo_options_set_base_url(options, NULL, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "base_url", "set_base_url with NULL URL");
    error = NULL;
    check_error(ziggeo_options_set_base_url(options, "http://\xff\xfe", &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "UTF-8", "set_base_url with invalid UTF-8");
    error = NULL;
    check_error(ziggeo_options_set_timeout_ms(options, 0, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "timeout_ms", "zero timeout");
    error = NULL;
    check_error(ziggeo_options_set_timeout_ms(NULL, 5, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT, "options",
                "set_timeout_ms with NULL options");
    error = NULL;
    check_error(ziggeo_options_set_connect_timeout_ms(options, 0, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "connect_timeout_ms", "zero connect timeout");
    error = NULL;
    check_error(ziggeo_options_set_connect_timeout_ms(NULL, 5, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "options", "set_connect_timeout_ms with NULL options");
    error = NULL;
    check_error(ziggeo_options_set_max_retries(NULL, 1, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT, "options",
                "set_max_retries with NULL options");
    error = NULL;
    check_error(ziggeo_options_set_user_agent(options, NULL, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "user_agent", "set_user_agent with NULL");
    error = NULL;
    check_error(ziggeo_options_set_user_agent(NULL, "ua", &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "options", "set_user_agent with NULL options");
    error = NULL;
    check_error(ziggeo_options_set_ca_bundle(options, NULL, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT, "path",
                "set_ca_bundle with NULL path");
    error = NULL;
    check_error(ziggeo_options_set_ca_bundle(NULL, "/x", &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "options", "set_ca_bundle with NULL options");
    error = NULL;
    check_error(ziggeo_options_set_proxy_from_env(NULL, false, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "options", "set_proxy_from_env with NULL options");

    /* A NULL error out-parameter is allowed: only the status reports. */
    check(ziggeo_options_set_base_url(options, NULL, NULL) == ZIGGEO_STATUS_INVALID_ARGUMENT,
          "status without an error object");

    check(ziggeo_options_set_max_retries(options, 2, NULL) == ZIGGEO_STATUS_OK, "set_max_retries");
    check(ziggeo_options_set_user_agent(options, "abi-test/1", NULL) == ZIGGEO_STATUS_OK, "set_user_agent");
    check(ziggeo_options_set_proxy_from_env(options, false, NULL) == ZIGGEO_STATUS_OK, "set_proxy_from_env");

    /* An unreadable CA bundle is reported by client_new, naming the option. */
    ZiggeoClient *client = NULL;
    check(ziggeo_options_set_ca_bundle(options, "/nonexistent/ca.pem", NULL) == ZIGGEO_STATUS_OK, "set_ca_bundle");
    error = NULL;
    check_error(ziggeo_client_new(APP_TOKEN, PRIVATE_KEY, options, &client, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "ca_bundle", "client_new with a missing CA bundle");
    check(client == NULL, "client_out untouched on failure");
    ziggeo_options_free(options);
}

static void test_client_new_null_and_invalid(void) {
    ZiggeoError *error = NULL;
    ZiggeoClient *client = NULL;

    check_error(ziggeo_client_new(NULL, PRIVATE_KEY, NULL, &client, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "app_token", "client_new with NULL token");
    error = NULL;
    check_error(ziggeo_client_new(APP_TOKEN, NULL, NULL, &client, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "private_key", "client_new with NULL key");
    error = NULL;
    check_error(ziggeo_client_new(APP_TOKEN, PRIVATE_KEY, NULL, NULL, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "client_out", "client_new with NULL client_out");
    error = NULL;
    check_error(ziggeo_client_new("\xc3\x28", PRIVATE_KEY, NULL, &client, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "app_token", "client_new with invalid UTF-8 token");
    error = NULL;
    check_error(ziggeo_client_new(APP_TOKEN, "\xff", NULL, &client, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "private_key", "client_new with invalid UTF-8 key");
    error = NULL;
    check_error(ziggeo_client_new("", PRIVATE_KEY, NULL, &client, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "app_token", "client_new with empty token");
    check(client == NULL, "client_out untouched after failures");

    /* A valid client with default options sends nothing until a call. */
    error = NULL;
    check_error(ziggeo_client_new(APP_TOKEN, PRIVATE_KEY, NULL, &client, &error), &error, ZIGGEO_STATUS_OK, "",
                "client_new with defaults");
    check(client != NULL, "client_new writes the client");
    ziggeo_client_free(client);
}

static void test_calls_null_and_invalid(ZiggeoClient *client) {
    ZiggeoError *error = NULL;
    char *body = NULL;

    check_error(ziggeo_webhooks_create(NULL, TARGET_URL, "json", "video_ready", &body, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "client", "create with NULL client");
    error = NULL;
    check_error(ziggeo_webhooks_create(client, NULL, "json", "video_ready", &body, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "target_url", "create with NULL target URL");
    error = NULL;
    check_error(ziggeo_webhooks_create(client, TARGET_URL, "json", NULL, &body, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "events", "create with NULL events");
    error = NULL;
    check_error(ziggeo_webhooks_create(client, TARGET_URL, "json", "video_ready", NULL, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "body_out", "create with NULL body_out");
    error = NULL;
    check_error(ziggeo_webhooks_create(client, "http://127.0.0.1/\xff", "json", "video_ready", &body, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "target_url", "create with invalid UTF-8 target URL");
    error = NULL;
    check_error(ziggeo_webhooks_create(client, TARGET_URL, "\xfe", "video_ready", &body, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "encoding", "create with invalid UTF-8 encoding");
    error = NULL;
    check_error(ziggeo_webhooks_create(client, TARGET_URL, "json", "video\xff", &body, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "events", "create with invalid UTF-8 events");
    error = NULL;
    check_error(ziggeo_webhooks_create(client, TARGET_URL, "xml", "video_ready", &body, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "encoding", "create with an unknown encoding");
    error = NULL;
    check_error(ziggeo_webhooks_create(client, TARGET_URL, NULL, "video_ready,,video_delete", &body, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "item 2 is empty", "create with an empty event item");

    error = NULL;
    check_error(ziggeo_webhooks_confirm(NULL, "id", "123456", &body, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "client", "confirm with NULL client");
    error = NULL;
    check_error(ziggeo_webhooks_confirm(client, NULL, "123456", &body, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "webhook_id", "confirm with NULL webhook id");
    error = NULL;
    check_error(ziggeo_webhooks_confirm(client, "id", NULL, &body, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "validation_code", "confirm with NULL validation code");
    error = NULL;
    check_error(ziggeo_webhooks_confirm(client, "id", "123456", NULL, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "body_out", "confirm with NULL body_out");
    error = NULL;
    check_error(ziggeo_webhooks_confirm(client, "\x80", "123456", &body, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "webhook_id", "confirm with invalid UTF-8 webhook id");
    error = NULL;
    check_error(ziggeo_webhooks_confirm(client, "id", "12\xc0", &body, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "validation_code", "confirm with invalid UTF-8 code");

    error = NULL;
    check_error(ziggeo_webhooks_delete(NULL, TARGET_URL, &body, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "client", "delete with NULL client");
    error = NULL;
    check_error(ziggeo_webhooks_delete(client, NULL, &body, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "target_url", "delete with NULL target URL");
    error = NULL;
    check_error(ziggeo_webhooks_delete(client, TARGET_URL, NULL, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "body_out", "delete with NULL body_out");
    error = NULL;
    check_error(ziggeo_webhooks_delete(client, "http://127.0.0.1/\xed\xa0\x80", &body, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "target_url", "delete with a UTF-16 surrogate");

    error = NULL;
    check_error(ziggeo_webhooks_confirm_delivery(NULL, NULL, &body, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "client", "confirm_delivery with NULL client");
    error = NULL;
    check_error(ziggeo_webhooks_confirm_delivery(client, NULL, &body, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "delivery", "confirm_delivery with NULL delivery");
    check(body == NULL, "body_out untouched after failures");
}

static void test_three_calls(ZiggeoClient *client) {
    ZiggeoError *error = NULL;
    char *webhook_id = NULL;
    char *body = NULL;

    check_error(ziggeo_webhooks_create(client, TARGET_URL, "json", "video_ready, video_delete", &webhook_id, &error),
                &error, ZIGGEO_STATUS_OK, "", "create against the sandbox");
    check(webhook_id != NULL && strlen(webhook_id) == 32, "create returns a 32-character webhook id");

    /* The sandbox sends the code to the target URL; a wrong one is a 400
     * that carries the server's body. */
    error = NULL;
    ZiggeoStatus status = ziggeo_webhooks_confirm(client, webhook_id ? webhook_id : "x", "000000", &body, &error);
    check(status == ZIGGEO_STATUS_HTTP, "confirm with a wrong code is an HTTP error");
    check(ziggeo_error_http_status(error) == 400, "confirm with a wrong code is HTTP 400");
    check(ziggeo_error_body(error) != NULL && strlen(ziggeo_error_body(error)) > 0, "HTTP error carries the body");
    check(!ziggeo_error_outcome_unknown(error), "an HTTP answer leaves no doubt about the outcome");
    check(body == NULL, "body_out untouched on an HTTP error");
    ziggeo_error_free(error);

    error = NULL;
    status = ziggeo_webhooks_confirm(client, "00000000000000000000000000000000", "123456", &body, &error);
    check(status == ZIGGEO_STATUS_HTTP && ziggeo_error_http_status(error) == 404, "confirm of an unknown id is 404");
    ziggeo_error_free(error);

    error = NULL;
    check_error(ziggeo_webhooks_delete(client, TARGET_URL, &body, &error), &error, ZIGGEO_STATUS_OK, "",
                "delete against the sandbox");
    check(body != NULL && strcmp(body, "null") == 0, "delete returns the body null");
    ziggeo_string_free(body);
    body = NULL;

    error = NULL;
    status = ziggeo_webhooks_delete(client, TARGET_URL, &body, &error);
    check(status == ZIGGEO_STATUS_HTTP && ziggeo_error_http_status(error) == 404, "second delete is 404");
    ziggeo_error_free(error);
    ziggeo_string_free(webhook_id);
}

static void test_wrong_key(const char *base_url) {
    ZiggeoOptions *options = ziggeo_options_new();
    ZiggeoClient *client = NULL;
    ZiggeoError *error = NULL;
    char *body = NULL;

    ziggeo_options_set_base_url(options, base_url, NULL);
    ziggeo_client_new(APP_TOKEN, "wrong key", options, &client, NULL);
    ziggeo_options_free(options);

    ZiggeoStatus status = ziggeo_webhooks_delete(client, TARGET_URL, &body, &error);
    check(status == ZIGGEO_STATUS_HTTP, "a wrong key is an HTTP error");
    check(ziggeo_error_http_status(error) == 401, "a wrong key is HTTP 401");
    const char *message = ziggeo_error_message(error);
    check(message != NULL && strstr(message, "wrong key") == NULL, "the message never shows the private key");
    ziggeo_error_free(error);
    ziggeo_client_free(client);
}

static void test_unreachable_server(void) {
    ZiggeoOptions *options = ziggeo_options_new();
    ZiggeoClient *client = NULL;
    ZiggeoError *error = NULL;
    char *body = NULL;

    ziggeo_options_set_base_url(options, "http://127.0.0.1:9", NULL);
    ziggeo_options_set_max_retries(options, 1, NULL);
    ziggeo_client_new(APP_TOKEN, PRIVATE_KEY, options, &client, NULL);
    ziggeo_options_free(options);

    ZiggeoStatus status = ziggeo_webhooks_delete(client, TARGET_URL, &body, &error);
    check(status == ZIGGEO_STATUS_CONNECTION, "a refused connection is a connection error");
    check(!ziggeo_error_outcome_unknown(error), "a refused connection sent nothing");
    ziggeo_error_free(error);
    ziggeo_client_free(client);
}

static void test_delivery(ZiggeoClient *client) {
    static const char event[] = "{\"event_type\":\"video_ready\",\"data\":{\"video\":{\"token\":\"v1\"}}}";
    static const char validation[] = "{\"ziggeo_validation\":true,\"validation_code\":\"012345\",\"webhook_id\":\"w1\"}";
    ZiggeoDelivery *delivery = NULL;
    ZiggeoError *error = NULL;
    char *json = NULL;
    char *body = NULL;

    check(ziggeo_delivery_kind(NULL) == ZIGGEO_DELIVERY_KIND_NONE, "kind of NULL");
    check(ziggeo_delivery_event_type(NULL) == NULL, "event type of NULL");
    check(ziggeo_delivery_webhook_id(NULL) == NULL, "webhook id of NULL");
    check(ziggeo_delivery_validation_code(NULL) == NULL, "validation code of NULL");

    check_error(ziggeo_delivery_parse(NULL, NULL, 5, &delivery, &error), &error, ZIGGEO_STATUS_INVALID_ARGUMENT,
                "body", "parse with NULL body and a length");
    error = NULL;
    check_error(ziggeo_delivery_parse(NULL, (const uint8_t *)event, strlen(event), NULL, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "delivery_out", "parse with NULL delivery_out");
    error = NULL;
    check_error(ziggeo_delivery_parse("\xff", (const uint8_t *)event, strlen(event), &delivery, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "content_type", "parse with an invalid UTF-8 content type");
    error = NULL;
    check_error(ziggeo_delivery_parse("application/json", (const uint8_t *)"{\"a\":", 5, &delivery, &error), &error,
                ZIGGEO_STATUS_INVALID_DELIVERY, "json", "parse of truncated JSON");
    error = NULL;
    check_error(ziggeo_delivery_parse("application/json", (const uint8_t *)"\xff\xfe", 2, &delivery, &error), &error,
                ZIGGEO_STATUS_INVALID_DELIVERY, "json", "parse of invalid UTF-8");
    check(delivery == NULL, "delivery_out untouched after failures");

    error = NULL;
    check_error(ziggeo_delivery_parse("application/json", (const uint8_t *)event, strlen(event), &delivery, &error),
                &error, ZIGGEO_STATUS_OK, "", "parse of a JSON event");
    check(ziggeo_delivery_kind(delivery) == ZIGGEO_DELIVERY_KIND_EVENT, "event kind");
    check(ziggeo_delivery_event_type(delivery) != NULL &&
              strcmp(ziggeo_delivery_event_type(delivery), "video_ready") == 0,
          "event type");
    check(ziggeo_delivery_validation_code(delivery) == NULL, "an event has no validation code");
    check(ziggeo_delivery_json(delivery, NULL, NULL) == ZIGGEO_STATUS_INVALID_ARGUMENT, "json with NULL json_out");
    check(ziggeo_delivery_json(NULL, &json, NULL) == ZIGGEO_STATUS_INVALID_ARGUMENT, "json with NULL delivery");
    check(ziggeo_delivery_json(delivery, &json, NULL) == ZIGGEO_STATUS_OK && json != NULL &&
              strstr(json, "\"token\":\"v1\"") != NULL,
          "json holds the event data");
    ziggeo_string_free(json);

    error = NULL;
    check_error(ziggeo_webhooks_confirm_delivery(client, delivery, &body, &error), &error,
                ZIGGEO_STATUS_INVALID_ARGUMENT, "delivery", "confirm_delivery of an event");
    ziggeo_delivery_free(delivery);

    delivery = NULL;
    check(ziggeo_delivery_parse(NULL, (const uint8_t *)validation, strlen(validation), &delivery, NULL) ==
              ZIGGEO_STATUS_OK,
          "parse of a validation call without a content type");
    check(ziggeo_delivery_kind(delivery) == ZIGGEO_DELIVERY_KIND_VALIDATION, "validation kind");
    check(ziggeo_delivery_validation_code(delivery) != NULL &&
              strcmp(ziggeo_delivery_validation_code(delivery), "012345") == 0,
          "validation code keeps its leading zero");
    check(ziggeo_delivery_webhook_id(delivery) != NULL && strcmp(ziggeo_delivery_webhook_id(delivery), "w1") == 0,
          "validation webhook id");

    /* The sandbox does not know the webhook id w1. */
    error = NULL;
    ZiggeoStatus status = ziggeo_webhooks_confirm_delivery(client, delivery, &body, &error);
    check(status == ZIGGEO_STATUS_HTTP && ziggeo_error_http_status(error) == 404,
          "confirm_delivery sends the delivery's id");
    ziggeo_error_free(error);
    ziggeo_delivery_free(delivery);
}

typedef struct ThreadWork {
    ZiggeoClient *client;
    int index;
    int failures;
} ThreadWork;

static void *run_calls(void *argument) {
    ThreadWork *work = argument;
    char target_url[128];

    for (int call = 0; call < 25; call++) {
        char *body = NULL;
        ZiggeoError *error = NULL;

        snprintf(target_url, sizeof target_url, "http://127.0.0.1:9/thread-%d-%d", work->index, call);
        if (ziggeo_webhooks_create(work->client, target_url, "form", "video_ready", &body, &error) !=
            ZIGGEO_STATUS_OK) {
            work->failures++;
            ziggeo_error_free(error);
            continue;
        }
        ziggeo_string_free(body);
        body = NULL;
        if (ziggeo_webhooks_delete(work->client, target_url, &body, NULL) != ZIGGEO_STATUS_OK) {
            work->failures++;
        }
        ziggeo_string_free(body);
    }
    return NULL;
}

static void test_shared_client(ZiggeoClient *client) {
    enum { THREADS = 4 };
    pthread_t threads[THREADS];
    ThreadWork work[THREADS];

    for (int index = 0; index < THREADS; index++) {
        work[index] = (ThreadWork){client, index, 0};
        pthread_create(&threads[index], NULL, run_calls, &work[index]);
    }
    int failures = 0;
    for (int index = 0; index < THREADS; index++) {
        pthread_join(threads[index], NULL);
        failures += work[index].failures;
    }
    check(failures == 0, "4 threads sharing one client: every create and delete succeeds");
}

int main(void) {
    SandboxProcess sandbox = {0};
    ZiggeoOptions *options = NULL;
    ZiggeoClient *client = NULL;

    test_free_null();
    test_static_strings();
    test_error_accessors_null();
    test_options_null_and_invalid();
    test_client_new_null_and_invalid();
    test_unreachable_server();

    if (sandbox_start(&sandbox, APP_TOKEN, PRIVATE_KEY) != 0) {
        fprintf(stderr, "FAIL: could not start the sandbox\n");
        return 1;
    }
    options = ziggeo_options_new();
    ziggeo_options_set_base_url(options, sandbox.base_url, NULL);
    ziggeo_options_set_timeout_ms(options, 20000, NULL);
    check(ziggeo_client_new(APP_TOKEN, PRIVATE_KEY, options, &client, NULL) == ZIGGEO_STATUS_OK,
          "client for the sandbox");
    ziggeo_options_free(options);

    test_calls_null_and_invalid(client);
    test_three_calls(client);
    test_wrong_key(sandbox.base_url);
    test_delivery(client);
    test_shared_client(client);

    ziggeo_client_free(client);
    sandbox_stop(&sandbox);

    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
