/* Hostile input at the C boundary: NULL in every pointer position of every
 * export, invalid UTF-8 in every string parameter, strings of 10 MB,
 * responses of 100 MB, and garbage or truncated HTTP from a raw TCP server.
 * Every call must return a documented status with a message that names the
 * problem; none may crash, hang or grow memory without bound.
 *
 * make test-reliability runs it under valgrind memcheck and under ASan with
 * UBSan. It prints "figures:" lines for docs/RELIABILITY.md. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "raw_server.h"
#include "ziggeo.h"

#define APP_TOKEN "adversarial_token"
#define PRIVATE_KEY "adversarial-private-key"
#define TARGET_URL "https://example.com/adversarial"
#define TEN_MB (10u * 1024u * 1024u)
#define HUNDRED_MB (100u * 1024u * 1024u)

static int passed;
static int failed;
static int inputs;

static void check(int condition, const char *what) {
    if (condition) {
        passed++;
    } else {
        failed++;
        fprintf(stderr, "FAIL: %s\n", what);
    }
}

/* Checks the status, and that a failure's message contains `needle`; frees
 * the error and any body, and resets both slots. The slots are passed by
 * address because C leaves the order of argument evaluation open, so they
 * must be read after the call has returned. */
static void expect(ZiggeoStatus status, ZiggeoError **error_slot, char **body_slot, ZiggeoStatus expected,
                   const char *needle, const char *what) {
    char label[512];
    ZiggeoError *error = *error_slot;
    const char *message = ziggeo_error_message(error);

    inputs++;
    snprintf(label, sizeof label, "%s: status %d (%.200s), expected %d", what, (int)status,
             message ? message : "no message", (int)expected);
    check(status == expected, label);
    if (status != ZIGGEO_STATUS_OK && needle != NULL) {
        snprintf(label, sizeof label, "%s: message names \"%s\"", what, needle);
        check(message != NULL && strstr(message, needle) != NULL, label);
    }
    ziggeo_error_free(error);
    *error_slot = NULL;
    if (body_slot != NULL) {
        ziggeo_string_free(*body_slot);
        *body_slot = NULL;
    }
}

static double seconds_since(const struct timespec *start) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Returns the resident set size in KiB, from /proc/self/status. */
static long rss_kib(void) {
    FILE *status = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;

    while (status != NULL && fgets(line, sizeof line, status) != NULL) {
        if (strncmp(line, "VmRSS:", 6) == 0) {
            kib = atol(line + 6);
        }
    }
    if (status != NULL) {
        fclose(status);
    }
    return kib;
}

static ZiggeoClient *new_client(const char *base_url, const char *user_agent) {
    ZiggeoOptions *options = ziggeo_options_new();
    ZiggeoClient *client = NULL;

    ziggeo_options_set_base_url(options, base_url, NULL);
    ziggeo_options_set_timeout_ms(options, 20000, NULL);
    ziggeo_options_set_max_retries(options, 0, NULL);
    ziggeo_options_set_proxy_from_env(options, false, NULL);
    if (user_agent != NULL) {
        ziggeo_options_set_user_agent(options, user_agent, NULL);
    }
    ZiggeoStatus status = ziggeo_client_new(APP_TOKEN, PRIVATE_KEY, options, &client, NULL);
    ziggeo_options_free(options);
    check(status == ZIGGEO_STATUS_OK && client != NULL, "client for the raw server");
    return client;
}

/* Every pointer parameter of every export, NULL in turn, the others valid. */
static void test_null_pointers(ZiggeoClient *client) {
    ZiggeoError *error = NULL;
    ZiggeoClient *made = NULL;
    ZiggeoDelivery *delivery = NULL;
    char *body = NULL;
    const char *event = "{\"event_type\":\"video_ready\",\"data\":{}}";
    ZiggeoOptions *options = ziggeo_options_new();

    expect(ziggeo_client_new(NULL, PRIVATE_KEY, NULL, &made, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT,
           "app_token", "client_new(app_token NULL)");
    error = NULL;
    expect(ziggeo_client_new(APP_TOKEN, NULL, NULL, &made, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT,
           "private_key", "client_new(private_key NULL)");
    error = NULL;
    expect(ziggeo_client_new(APP_TOKEN, PRIVATE_KEY, NULL, NULL, &error), &error, NULL,
           ZIGGEO_STATUS_INVALID_ARGUMENT, "client_out", "client_new(client_out NULL)");
    check(ziggeo_client_new(NULL, NULL, NULL, NULL, NULL) == ZIGGEO_STATUS_INVALID_ARGUMENT,
          "client_new with every pointer NULL");

    const char *strings[] = {TARGET_URL, "json", "video_ready"};
    for (int position = 0; position < 5; position++) {
        char label[64];
        const char *target_url = position == 1 ? NULL : strings[0];
        const char *events = position == 3 ? NULL : strings[2];
        ZiggeoClient *used = position == 0 ? NULL : client;
        char **out = position == 4 ? NULL : &body;
        const char *names[] = {"client", "target_url", "encoding", "events", "body_out"};
        if (position == 2) {
            continue; /* encoding NULL means the server's default: tested below. */
        }
        snprintf(label, sizeof label, "create(%s NULL)", names[position]);
        error = NULL;
        body = NULL;
        ZiggeoStatus status = ziggeo_webhooks_create(used, target_url, strings[1], events, out, &error);
        expect(status, &error, &body, ZIGGEO_STATUS_INVALID_ARGUMENT, names[position], label);
    }
    for (int position = 0; position < 4; position++) {
        const char *names[] = {"client", "webhook_id", "validation_code", "body_out"};
        char label[64];
        snprintf(label, sizeof label, "confirm(%s NULL)", names[position]);
        error = NULL;
        body = NULL;
        ZiggeoStatus status = ziggeo_webhooks_confirm(position == 0 ? NULL : client, position == 1 ? NULL : "id",
                                                      position == 2 ? NULL : "123456", position == 3 ? NULL : &body,
                                                      &error);
        expect(status, &error, &body, ZIGGEO_STATUS_INVALID_ARGUMENT, names[position], label);
    }
    for (int position = 0; position < 3; position++) {
        const char *names[] = {"client", "target_url", "body_out"};
        char label[64];
        snprintf(label, sizeof label, "delete(%s NULL)", names[position]);
        error = NULL;
        body = NULL;
        ZiggeoStatus status = ziggeo_webhooks_delete(position == 0 ? NULL : client, position == 1 ? NULL : TARGET_URL,
                                                     position == 2 ? NULL : &body, &error);
        expect(status, &error, &body, ZIGGEO_STATUS_INVALID_ARGUMENT, names[position], label);
    }

    check(ziggeo_delivery_parse(NULL, (const uint8_t *)event, strlen(event), &delivery, NULL) == ZIGGEO_STATUS_OK,
          "delivery for the NULL checks");
    error = NULL;
    expect(ziggeo_webhooks_confirm_delivery(NULL, delivery, &body, &error), &error, NULL,
           ZIGGEO_STATUS_INVALID_ARGUMENT, "client", "confirm_delivery(client NULL)");
    error = NULL;
    expect(ziggeo_webhooks_confirm_delivery(client, NULL, &body, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT,
           "delivery", "confirm_delivery(delivery NULL)");
    error = NULL;
    expect(ziggeo_webhooks_confirm_delivery(client, delivery, NULL, &error), &error, NULL,
           ZIGGEO_STATUS_INVALID_ARGUMENT, "body_out", "confirm_delivery(body_out NULL)");
    error = NULL;
    expect(ziggeo_delivery_json(NULL, &body, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT, "delivery",
           "delivery_json(delivery NULL)");
    error = NULL;
    expect(ziggeo_delivery_json(delivery, NULL, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT, "json_out",
           "delivery_json(json_out NULL)");
    ziggeo_delivery_free(delivery);
    delivery = NULL;

    error = NULL;
    expect(ziggeo_delivery_parse(NULL, NULL, 1, &delivery, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT,
           "body", "delivery_parse(body NULL, length 1)");
    error = NULL;
    expect(ziggeo_delivery_parse(NULL, NULL, 0, &delivery, &error), &error, NULL, ZIGGEO_STATUS_INVALID_DELIVERY,
           "empty", "delivery_parse(body NULL, length 0)");
    error = NULL;
    expect(ziggeo_delivery_parse(NULL, (const uint8_t *)event, strlen(event), NULL, &error), &error, NULL,
           ZIGGEO_STATUS_INVALID_ARGUMENT, "delivery_out", "delivery_parse(delivery_out NULL)");

    const char *setters[] = {"base_url", "user_agent", "ca_bundle"};
    for (int index = 0; index < 3; index++) {
        char label[64];
        ZiggeoStatus (*set)(ZiggeoOptions *, const char *, ZiggeoError **) =
            index == 0 ? ziggeo_options_set_base_url
                       : index == 1 ? ziggeo_options_set_user_agent : ziggeo_options_set_ca_bundle;
        const char *parameter = index == 2 ? "path" : setters[index];
        snprintf(label, sizeof label, "options_set_%s(options NULL)", setters[index]);
        error = NULL;
        expect(set(NULL, "x", &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT, "options", label);
        snprintf(label, sizeof label, "options_set_%s(value NULL)", setters[index]);
        error = NULL;
        expect(set(options, NULL, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT, parameter, label);
    }
    error = NULL;
    expect(ziggeo_options_set_timeout_ms(NULL, 1, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT, "options",
           "options_set_timeout_ms(options NULL)");
    error = NULL;
    expect(ziggeo_options_set_connect_timeout_ms(NULL, 1, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT,
           "options", "options_set_connect_timeout_ms(options NULL)");
    error = NULL;
    expect(ziggeo_options_set_max_retries(NULL, 1, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT, "options",
           "options_set_max_retries(options NULL)");
    error = NULL;
    expect(ziggeo_options_set_proxy_from_env(NULL, true, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT,
           "options", "options_set_proxy_from_env(options NULL)");
    ziggeo_options_free(options);

    check(ziggeo_error_code(NULL) == ZIGGEO_STATUS_INVALID_ARGUMENT && ziggeo_error_message(NULL) == NULL &&
              ziggeo_error_http_status(NULL) == 0 && ziggeo_error_body(NULL) == NULL &&
              !ziggeo_error_outcome_unknown(NULL),
          "error accessors of NULL");
    check(ziggeo_delivery_kind(NULL) == ZIGGEO_DELIVERY_KIND_NONE && ziggeo_delivery_event_type(NULL) == NULL &&
              ziggeo_delivery_webhook_id(NULL) == NULL && ziggeo_delivery_validation_code(NULL) == NULL,
          "delivery accessors of NULL");
    ziggeo_string_free(NULL);
    ziggeo_error_free(NULL);
    ziggeo_options_free(NULL);
    ziggeo_client_free(NULL);
    ziggeo_delivery_free(NULL);
}

/* Byte sequences that are not UTF-8: a lone continuation byte, an overlong
 * encoding, a UTF-16 surrogate, a code point past U+10FFFF, a truncated
 * sequence, and bytes that never occur in UTF-8. */
static const char *const INVALID_UTF8[] = {
    "\x80", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "abc\xe2\x82", "\xfe\xff", "ok\xc3\x28",
};
#define INVALID_UTF8_COUNT (sizeof INVALID_UTF8 / sizeof INVALID_UTF8[0])

static void test_invalid_utf8(ZiggeoClient *client) {
    for (size_t index = 0; index < INVALID_UTF8_COUNT; index++) {
        const char *bad = INVALID_UTF8[index];
        ZiggeoError *error = NULL;
        ZiggeoClient *made = NULL;
        ZiggeoDelivery *delivery = NULL;
        char *body = NULL;
        ZiggeoOptions *options = ziggeo_options_new();
        const char *json = "{\"event_type\":\"video_ready\"}";

        expect(ziggeo_client_new(bad, PRIVATE_KEY, NULL, &made, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT,
               "app_token", "client_new(app_token not UTF-8)");
        error = NULL;
        expect(ziggeo_client_new(APP_TOKEN, bad, NULL, &made, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT,
               "private_key", "client_new(private_key not UTF-8)");
        error = NULL;
        expect(ziggeo_options_set_base_url(options, bad, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT,
               "base_url", "options_set_base_url(not UTF-8)");
        error = NULL;
        expect(ziggeo_options_set_user_agent(options, bad, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT,
               "user_agent", "options_set_user_agent(not UTF-8)");
        error = NULL;
        expect(ziggeo_options_set_ca_bundle(options, bad, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT, "path",
               "options_set_ca_bundle(not UTF-8)");
        ziggeo_options_free(options);

        error = NULL;
        expect(ziggeo_webhooks_create(client, bad, "json", "video_ready", &body, &error), &error, NULL,
               ZIGGEO_STATUS_INVALID_ARGUMENT, "target_url", "create(target_url not UTF-8)");
        error = NULL;
        expect(ziggeo_webhooks_create(client, TARGET_URL, bad, "video_ready", &body, &error), &error, NULL,
               ZIGGEO_STATUS_INVALID_ARGUMENT, "encoding", "create(encoding not UTF-8)");
        error = NULL;
        expect(ziggeo_webhooks_create(client, TARGET_URL, "json", bad, &body, &error), &error, NULL,
               ZIGGEO_STATUS_INVALID_ARGUMENT, "events", "create(events not UTF-8)");
        error = NULL;
        expect(ziggeo_webhooks_confirm(client, bad, "123456", &body, &error), &error, NULL,
               ZIGGEO_STATUS_INVALID_ARGUMENT, "webhook_id", "confirm(webhook_id not UTF-8)");
        error = NULL;
        expect(ziggeo_webhooks_confirm(client, "id", bad, &body, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT,
               "validation_code", "confirm(validation_code not UTF-8)");
        error = NULL;
        expect(ziggeo_webhooks_delete(client, bad, &body, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT,
               "target_url", "delete(target_url not UTF-8)");
        error = NULL;
        expect(ziggeo_delivery_parse(bad, (const uint8_t *)json, strlen(json), &delivery, &error), &error, NULL,
               ZIGGEO_STATUS_INVALID_ARGUMENT, "content_type", "delivery_parse(content_type not UTF-8)");
        error = NULL;
        expect(ziggeo_delivery_parse("application/json", (const uint8_t *)bad, strlen(bad), &delivery, &error), &error,
               NULL, ZIGGEO_STATUS_INVALID_DELIVERY, "UTF-8", "delivery_parse(body not UTF-8)");
    }
    printf("figures: invalid UTF-8: %zu byte sequences in each of 12 string parameters and the delivery body\n",
           INVALID_UTF8_COUNT);
}

/* Returns a 10 MB string: `prefix` followed by `fill` bytes. */
static char *huge_string(const char *prefix, char fill) {
    char *text = malloc(TEN_MB + 1);
    size_t prefix_len = strlen(prefix);

    if (text == NULL) {
        return NULL;
    }
    memcpy(text, prefix, prefix_len);
    memset(text + prefix_len, fill, TEN_MB - prefix_len);
    text[TEN_MB] = '\0';
    return text;
}

/* Strings of 10 MB in each string parameter: each is rejected with a clear
 * error or sent whole, and the raw server reads it. */
static void test_ten_megabyte_strings(RawServer *server, ZiggeoClient *client) {
    static const char ok[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
    char *url = huge_string("https://example.com/", 'a');
    char *word = huge_string("", 'a');
    char *control = huge_string("", '\n');
    ZiggeoError *error = NULL;
    ZiggeoClient *made = NULL;
    ZiggeoDelivery *delivery = NULL;
    char *body = NULL;
    struct timespec start;

    if (url == NULL || word == NULL || control == NULL) {
        check(0, "allocate the 10 MB strings");
        return;
    }
    clock_gettime(CLOCK_MONOTONIC, &start);
    raw_server_set_reply(server, ok, sizeof ok - 1, 0);

    expect(ziggeo_webhooks_create(client, url, "json", "video_ready", &body, &error), &error, &body, ZIGGEO_STATUS_OK,
           NULL, "create(target_url of 10 MB) is sent");
    body = NULL;
    error = NULL;
    expect(ziggeo_webhooks_create(client, TARGET_URL, "json", word, &body, &error), &error, &body, ZIGGEO_STATUS_OK,
           NULL, "create(events of 10 MB) is sent");
    body = NULL;
    error = NULL;
    expect(ziggeo_webhooks_create(client, TARGET_URL, word, "video_ready", &body, &error), &error, NULL,
           ZIGGEO_STATUS_INVALID_ARGUMENT, "encoding", "create(encoding of 10 MB)");
    error = NULL;
    expect(ziggeo_webhooks_confirm(client, word, word, &body, &error), &error, &body, ZIGGEO_STATUS_OK, NULL,
           "confirm(webhook_id and validation_code of 10 MB) are sent");
    body = NULL;
    error = NULL;
    expect(ziggeo_webhooks_delete(client, url, &body, &error), &error, &body, ZIGGEO_STATUS_OK, NULL,
           "delete(target_url of 10 MB) is sent");
    body = NULL;
    error = NULL;
    expect(ziggeo_webhooks_delete(client, control, &body, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT,
           "target_url", "delete(10 MB of line breaks)");

    error = NULL;
    expect(ziggeo_client_new(APP_TOKEN, control, NULL, &made, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT,
           "private_key", "client_new(private_key of 10 MB line breaks)");
    /* Credentials over 1 KiB would overflow the request headers, so they are
     * rejected here rather than failing every call later. */
    error = NULL;
    made = NULL;
    expect(ziggeo_client_new(word, word, NULL, &made, &error), &error, NULL, ZIGGEO_STATUS_INVALID_ARGUMENT,
           "app_token", "client_new(app_token and private_key of 10 MB)");
    check(made == NULL, "client_new(10 MB credentials) writes no client");

    ZiggeoOptions *options = ziggeo_options_new();
    error = NULL;
    expect(ziggeo_options_set_ca_bundle(options, word, &error), &error, NULL, ZIGGEO_STATUS_OK, NULL,
           "options_set_ca_bundle(10 MB) is stored");
    error = NULL;
    made = NULL;
    expect(ziggeo_client_new(APP_TOKEN, PRIVATE_KEY, options, &made, &error), &error, NULL,
           ZIGGEO_STATUS_INVALID_ARGUMENT, "ca_bundle", "client_new(ca_bundle path of 10 MB)");
    ziggeo_options_free(options);
    options = ziggeo_options_new();
    error = NULL;
    expect(ziggeo_options_set_base_url(options, url, &error), &error, NULL, ZIGGEO_STATUS_OK, NULL,
           "options_set_base_url(10 MB) is stored");
    error = NULL;
    made = NULL;
    ZiggeoStatus status = ziggeo_client_new(APP_TOKEN, PRIVATE_KEY, options, &made, &error);
    check(status == ZIGGEO_STATUS_OK || status == ZIGGEO_STATUS_INVALID_ARGUMENT,
          "client_new(base_url of 10 MB) returns OK or an argument error");
    inputs++;
    ziggeo_error_free(error);
    ziggeo_client_free(made);
    ziggeo_options_free(options);

    error = NULL;
    status = ziggeo_delivery_parse(word, (const uint8_t *)word, TEN_MB, &delivery, &error);
    check(status == ZIGGEO_STATUS_INVALID_DELIVERY, "delivery_parse(content_type and body of 10 MB)");
    inputs++;
    ziggeo_error_free(error);
    ziggeo_delivery_free(delivery);

    const char *message = NULL;
    error = NULL;
    ziggeo_webhooks_create(client, TARGET_URL, word, "video_ready", &body, &error);
    message = ziggeo_error_message(error);
    printf("figures: 10 MB strings: %d inputs in %.1f s; the longest message quotes %zu bytes\n", 13,
           seconds_since(&start), message ? strlen(message) : 0);
    /* Error messages quote at most the first 200 characters of a value. */
    check(message != NULL && strlen(message) < 1024, "a 10 MB encoding gives a short error message");
    ziggeo_error_free(error);
    free(url);
    free(word);
    free(control);
}

/* Responses of 100 MB: the body cap holds, memory stays bounded, and the
 * error says the answer was too large. */
static void test_hundred_megabyte_answers(RawServer *server, ZiggeoClient *client) {
    static const char big_ok[] = "HTTP/1.1 200 OK\r\nContent-Length: 104857600\r\n\r\n";
    static const char big_error[] = "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 104857600\r\n\r\n";
    static const char big_unsized[] = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n";
    static const char big_chunk[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6400000\r\n";
    struct {
        const char *head;
        size_t head_len;
        ZiggeoStatus expected;
        const char *needle;
        const char *what;
    } cases[] = {
        {big_ok, sizeof big_ok - 1, ZIGGEO_STATUS_INVALID_RESPONSE, "larger than 1 MiB", "200 with 100 MB"},
        {big_unsized, sizeof big_unsized - 1, ZIGGEO_STATUS_INVALID_RESPONSE, "larger than 1 MiB",
         "200 with 100 MB until close"},
        {big_chunk, sizeof big_chunk - 1, ZIGGEO_STATUS_INVALID_RESPONSE, "larger than 1 MiB",
         "200 with a 100 MB chunk"},
        {big_error, sizeof big_error - 1, ZIGGEO_STATUS_HTTP, "HTTP 500", "500 with 100 MB"},
    };
    long before = rss_kib();
    long peak_growth = 0;
    struct timespec start;

    clock_gettime(CLOCK_MONOTONIC, &start);
    for (size_t index = 0; index < sizeof cases / sizeof cases[0]; index++) {
        ZiggeoError *error = NULL;
        char *body = NULL;
        long long sent_before = raw_server_bytes_sent(server);

        raw_server_set_reply(server, cases[index].head, cases[index].head_len, HUNDRED_MB);
        ZiggeoStatus status = ziggeo_webhooks_delete(client, TARGET_URL, &body, &error);
        if (status == ZIGGEO_STATUS_HTTP) {
            const char *error_body = ziggeo_error_body(error);
            check(error_body != NULL && strlen(error_body) == 64 * 1024, "the error body is cut at 64 KiB");
        }
        if (cases[index].expected != ZIGGEO_STATUS_HTTP) {
            check(ziggeo_error_outcome_unknown(error), "a delete cut off by size may have taken effect");
        }
        expect(status, &error, &body, cases[index].expected, cases[index].needle, cases[index].what);

        long growth = rss_kib() - before;
        peak_growth = growth > peak_growth ? growth : peak_growth;
        char label[128];
        snprintf(label, sizeof label, "%s: resident memory grew by %ld KiB, at most 32 MiB allowed",
                 cases[index].what, growth);
        check(growth < 32 * 1024, label);
        (void)sent_before;
    }
    printf("figures: 100 MB answers: %zu answers in %.1f s; resident memory grew by at most %ld KiB\n",
           sizeof cases / sizeof cases[0], seconds_since(&start), peak_growth);
}

/* Garbage and truncated HTTP: each is an invalid-response or connection
 * error that says the outcome is unknown. */
static void test_garbage_answers(RawServer *server, ZiggeoClient *client) {
    static const char *const replies[] = {
        "",
        "garbage\r\n\r\n",
        "\x00\x01\x02\x03\xff\xfe",
        "HTTP/1.1",
        "HTTP/1.1 200 OK\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc",
        "HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nabc",
        "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
        "HTTP/1.1 999999 Weird\r\nContent-Length: 0\r\n\r\n",
        "HTTP/9.9 200 OK\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nBad Header Without Colon\r\n\r\n",
        "HTTP/1.1 200 OK\r\nX: \x01\x02\r\nContent-Length: 10\r\n\r\nab",
        "ICY 200 OK\r\n\r\n",
    };
    size_t count = sizeof replies / sizeof replies[0];
    int odd = 0;

    for (size_t index = 0; index < count; index++) {
        ZiggeoError *error = NULL;
        char *body = NULL;
        size_t length = index == 2 ? 6 : strlen(replies[index]);

        raw_server_set_reply(server, replies[index], length, 0);
        ZiggeoStatus status = ziggeo_webhooks_create(client, TARGET_URL, "json", "video_ready", &body, &error);
        const char *message = ziggeo_error_message(error);
        char label[256];
        snprintf(label, sizeof label, "garbage reply %zu: status %d (%s)", index, (int)status,
                 message ? message : "no message");
        inputs++;
        if (status == ZIGGEO_STATUS_INVALID_RESPONSE || status == ZIGGEO_STATUS_CONNECTION) {
            check(ziggeo_error_outcome_unknown(error), label);
            check(message != NULL && strstr(message, "may have reached the server") != NULL, label);
        } else if (status == ZIGGEO_STATUS_HTTP) {
            /* A well-formed head with an unusual status is a valid HTTP response. */
            odd++;
        } else {
            check(0, label);
        }
        ziggeo_error_free(error);
        ziggeo_string_free(body);
    }
    check(raw_server_requests(server) > 0, "the raw server received the requests");
    printf("figures: garbage and truncated answers: %zu replies, %d read as an HTTP status\n", count, odd);
}

int main(void) {
    static RawServer server;

    if (raw_server_start(&server) != 0) {
        fprintf(stderr, "FAIL: could not start the raw server\n");
        return 1;
    }
    ZiggeoClient *client = new_client(server.base_url, NULL);

    test_null_pointers(client);
    test_invalid_utf8(client);
    test_ten_megabyte_strings(&server, client);
    test_hundred_megabyte_answers(&server, client);
    test_garbage_answers(&server, client);

    ziggeo_client_free(client);
    printf("figures: adversarial C inputs: %d calls checked\n", inputs);
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
