/* 100,000 calls on one client in one process leave the resident set flat:
 * after a warm-up of 5,000 calls, growth stays within 2 MiB.
 *
 * The calls go to two raw loopback servers over keep-alive connections and
 * alternate between success (200) and failure (404 with a body), so both
 * the body string and the error object are made and freed.
 * This is a bound check of memory, not a timing test. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raw_server.h"
#include "ziggeo.h"

#define WARM_UP 5000
#define CALLS 100000
#define MAX_GROWTH_KIB 2048

/* ASan keeps freed memory in quarantine and records allocation stacks, so
 * the resident set grows under it whatever the library does: there the
 * program checks for errors and leaks only. */
#ifdef __SANITIZE_ADDRESS__
#define CHECK_RSS 0
#else
#define CHECK_RSS 1
#endif

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

/* Makes `count` calls, alternating between the two clients; returns how
 * many did not end as expected. */
static int make_calls(ZiggeoClient *ok_client, ZiggeoClient *missing_client, int count) {
    int unexpected = 0;

    for (int index = 0; index < count; index++) {
        char *body = NULL;
        ZiggeoError *error = NULL;
        ZiggeoStatus status = ziggeo_webhooks_delete(ok_client, "https://example.com/memory", &body, &error);
        if (status != ZIGGEO_STATUS_OK || body == NULL || strcmp(body, "null") != 0) {
            unexpected++;
        }
        ziggeo_string_free(body);
        ziggeo_error_free(error);

        body = NULL;
        error = NULL;
        status = ziggeo_webhooks_confirm(missing_client, "unknown", "123456", &body, &error);
        if (status != ZIGGEO_STATUS_HTTP || ziggeo_error_http_status(error) != 404) {
            unexpected++;
        }
        ziggeo_string_free(body);
        ziggeo_error_free(error);
    }
    return unexpected;
}

static ZiggeoClient *new_client(const char *base_url) {
    ZiggeoOptions *options = ziggeo_options_new();
    ZiggeoClient *client = NULL;

    ziggeo_options_set_base_url(options, base_url, NULL);
    ziggeo_options_set_proxy_from_env(options, false, NULL);
    ZiggeoStatus status = ziggeo_client_new("memory_token", "memory-private-key", options, &client, NULL);
    ziggeo_options_free(options);
    return status == ZIGGEO_STATUS_OK ? client : NULL;
}

int main(void) {
    static const char success[] = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnull";
    static const char not_found[] = "HTTP/1.1 404 Not Found\r\nContent-Length: 26\r\n\r\nwebhook not found: unknown";
    static RawServer ok_server;
    static RawServer missing_server;

    if (raw_server_start(&ok_server) != 0 || raw_server_start(&missing_server) != 0) {
        fprintf(stderr, "FAIL: could not start the raw servers\n");
        return 1;
    }
    raw_server_set_keep_alive_reply(&ok_server, success, sizeof success - 1);
    raw_server_set_keep_alive_reply(&missing_server, not_found, sizeof not_found - 1);
    ZiggeoClient *ok_client = new_client(ok_server.base_url);
    ZiggeoClient *missing_client = new_client(missing_server.base_url);
    if (ok_client == NULL || missing_client == NULL) {
        fprintf(stderr, "FAIL: client_new\n");
        return 1;
    }

    int unexpected = make_calls(ok_client, missing_client, WARM_UP / 2);
    long before = rss_kib();
    unexpected += make_calls(ok_client, missing_client, CALLS / 2);
    long after = rss_kib();
    ziggeo_client_free(ok_client);
    ziggeo_client_free(missing_client);

    printf("figures: memory: %d calls after %d warm-up calls; resident set %ld KiB before, %ld KiB after, "
           "growth %ld KiB (limit %d KiB)\n",
           CALLS, WARM_UP, before, after, after - before, MAX_GROWTH_KIB);
    int failed = 0;
    if (unexpected != 0) {
        fprintf(stderr, "FAIL: %d calls did not end as expected\n", unexpected);
        failed = 1;
    }
    if (CHECK_RSS && (before < 0 || after - before > MAX_GROWTH_KIB)) {
        fprintf(stderr, "FAIL: the resident set grew by %ld KiB\n", after - before);
        failed = 1;
    }
    printf("%s\n", failed ? "memory test failed" : "memory test passed");
    return failed;
}
