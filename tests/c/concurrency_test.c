/* One client shared by several POSIX threads against the sandbox, for
 * valgrind's thread checkers (helgrind, DRD): every create and delete
 * succeeds and every webhook id is distinct. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raw_server.h"
#include "sandbox_process.h"
#include "ziggeo.h"

#define APP_TOKEN "concurrency_token"
#define PRIVATE_KEY "concurrency-private-key"
#define THREADS 4
#define CALLS_PER_THREAD 20

typedef struct Work {
    ZiggeoClient *client;
    const char *receiver_url;
    int index;
    int failures;
    char ids[CALLS_PER_THREAD / 2][33];
} Work;

static void *run_calls(void *argument) {
    Work *work = argument;

    for (int call = 0; call < CALLS_PER_THREAD / 2; call++) {
        char target_url[160];
        char *body = NULL;
        ZiggeoError *error = NULL;

        snprintf(target_url, sizeof target_url, "%s/thread-%d-%d", work->receiver_url, work->index, call);
        if (ziggeo_webhooks_create(work->client, target_url, "json", "video_ready", &body, &error) !=
                ZIGGEO_STATUS_OK ||
            strlen(body) != 32) {
            fprintf(stderr, "create failed: %s\n", ziggeo_error_message(error));
            work->failures++;
        } else {
            memcpy(work->ids[call], body, 33);
        }
        ziggeo_string_free(body);
        ziggeo_error_free(error);

        body = NULL;
        error = NULL;
        if (ziggeo_webhooks_delete(work->client, target_url, &body, &error) != ZIGGEO_STATUS_OK) {
            fprintf(stderr, "delete failed: %s\n", ziggeo_error_message(error));
            work->failures++;
        }
        ziggeo_string_free(body);
        ziggeo_error_free(error);
    }
    return NULL;
}

int main(void) {
    static const char ok[] = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    SandboxProcess sandbox = {0};
    static RawServer receiver;
    ZiggeoClient *client = NULL;
    pthread_t threads[THREADS];
    static Work work[THREADS];

    /* The receiver responds 200 to the sandbox's handshake calls. */
    if (raw_server_start(&receiver) != 0 || sandbox_start(&sandbox, APP_TOKEN, PRIVATE_KEY) != 0) {
        fprintf(stderr, "FAIL: could not start the receiver or the sandbox\n");
        return 1;
    }
    raw_server_set_reply(&receiver, ok, sizeof ok - 1, 0);

    ZiggeoOptions *options = ziggeo_options_new();
    ziggeo_options_set_base_url(options, sandbox.base_url, NULL);
    ziggeo_options_set_timeout_ms(options, 60000, NULL);
    ziggeo_options_set_proxy_from_env(options, false, NULL);
    ZiggeoStatus status = ziggeo_client_new(APP_TOKEN, PRIVATE_KEY, options, &client, NULL);
    ziggeo_options_free(options);
    if (status != ZIGGEO_STATUS_OK) {
        fprintf(stderr, "FAIL: client_new\n");
        sandbox_stop(&sandbox);
        return 1;
    }

    for (int index = 0; index < THREADS; index++) {
        work[index].client = client;
        work[index].receiver_url = receiver.base_url;
        work[index].index = index;
        pthread_create(&threads[index], NULL, run_calls, &work[index]);
    }
    int failures = 0;
    for (int index = 0; index < THREADS; index++) {
        pthread_join(threads[index], NULL);
        failures += work[index].failures;
    }
    ziggeo_client_free(client);
    sandbox_stop(&sandbox);

    int duplicates = 0;
    for (int a = 0; a < THREADS * (CALLS_PER_THREAD / 2); a++) {
        for (int b = a + 1; b < THREADS * (CALLS_PER_THREAD / 2); b++) {
            const char *first = work[a / (CALLS_PER_THREAD / 2)].ids[a % (CALLS_PER_THREAD / 2)];
            const char *second = work[b / (CALLS_PER_THREAD / 2)].ids[b % (CALLS_PER_THREAD / 2)];
            duplicates += first[0] != '\0' && strcmp(first, second) == 0;
        }
    }
    printf("figures: C threads: %d threads x %d calls on one client, %d failures, %d duplicate ids\n", THREADS,
           CALLS_PER_THREAD, failures, duplicates);
    return failures == 0 && duplicates == 0 ? 0 : 1;
}
