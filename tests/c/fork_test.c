/* fork() after a client was used: a new client in the child completes a
 * call within its timeout, and the parent's client keeps working.
 *
 * Limit: a client must not be used on both sides of a fork, because the
 * child inherits its pooled connections and both processes would then read
 * from the same sockets. The child makes a client of its own and frees
 * neither copy it did not make (it exits with _exit). */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "raw_server.h"
#include "ziggeo.h"

#define TIMEOUT_MS 5000

static ZiggeoClient *new_client(const char *base_url) {
    ZiggeoOptions *options = ziggeo_options_new();
    ZiggeoClient *client = NULL;

    ziggeo_options_set_base_url(options, base_url, NULL);
    ziggeo_options_set_timeout_ms(options, TIMEOUT_MS, NULL);
    ziggeo_options_set_proxy_from_env(options, false, NULL);
    ZiggeoStatus status = ziggeo_client_new("fork_token", "fork-private-key", options, &client, NULL);
    ziggeo_options_free(options);
    return status == ZIGGEO_STATUS_OK ? client : NULL;
}

static int call_ok(ZiggeoClient *client) {
    char *body = NULL;
    ZiggeoError *error = NULL;
    ZiggeoStatus status = ziggeo_webhooks_delete(client, "https://example.com/fork", &body, &error);
    int ok = status == ZIGGEO_STATUS_OK && body != NULL && strcmp(body, "null") == 0;
    if (!ok) {
        fprintf(stderr, "call failed: %s\n", error ? ziggeo_error_message(error) : "unexpected body");
    }
    ziggeo_string_free(body);
    ziggeo_error_free(error);
    return ok;
}

int main(void) {
    static const char success[] = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: close\r\n\r\nnull";
    static RawServer server;

    if (raw_server_start(&server) != 0) {
        fprintf(stderr, "FAIL: could not start the raw server\n");
        return 1;
    }
    raw_server_set_reply(&server, success, sizeof success - 1, 0);
    ZiggeoClient *parent_client = new_client(server.base_url);
    if (parent_client == NULL || !call_ok(parent_client)) {
        fprintf(stderr, "FAIL: the parent's first call\n");
        return 1;
    }

    pid_t child = fork();
    if (child < 0) {
        perror("fork");
        return 1;
    }
    if (child == 0) {
        struct timespec start;
        struct timespec end;
        clock_gettime(CLOCK_MONOTONIC, &start);
        ZiggeoClient *child_client = new_client(server.base_url);
        int ok = child_client != NULL && call_ok(child_client);
        clock_gettime(CLOCK_MONOTONIC, &end);
        double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
        ziggeo_client_free(child_client);
        printf("figures: fork: the child's new client finished its call in %.3f s (timeout %d ms)\n", seconds,
               TIMEOUT_MS);
        fflush(stdout);
        _exit(ok && seconds * 1000 < TIMEOUT_MS ? 0 : 1);
    }

    /* The child's process image has no raw-server thread, so the parent's
     * thread serves the child's request. */
    int child_status = 0;
    waitpid(child, &child_status, 0);
    int child_ok = WIFEXITED(child_status) && WEXITSTATUS(child_status) == 0;
    int parent_ok = call_ok(parent_client) && call_ok(parent_client);
    ziggeo_client_free(parent_client);

    if (!child_ok) {
        fprintf(stderr, "FAIL: the child's client did not complete its call in time\n");
    }
    if (!parent_ok) {
        fprintf(stderr, "FAIL: the parent's client stopped working after fork\n");
    }
    printf("%s\n", child_ok && parent_ok ? "fork test passed" : "fork test failed");
    return child_ok && parent_ok ? 0 : 1;
}
