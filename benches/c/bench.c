/*
 * bench.c: the benchmark driver for libziggeo's C ABI.
 *
 * It loads the library with dlopen() from LIBZIGGEO_PATH, so that the time
 * to load it and create a client can be measured. Then it makes the calls
 * described by the ZIGGEO_BENCH_* environment variables (see
 * benches/README.md) from one or more threads sharing one client, and
 * prints one JSON line of results on stdout. Any failed call ends the run
 * with exit status 1 and the library's error message on stderr.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "ziggeo.h"

/* The library's entry points, looked up with dlsym(). */
struct api {
    __typeof__(ziggeo_options_new) *options_new;
    __typeof__(ziggeo_options_free) *options_free;
    __typeof__(ziggeo_options_set_base_url) *options_set_base_url;
    __typeof__(ziggeo_options_set_ca_bundle) *options_set_ca_bundle;
    __typeof__(ziggeo_options_set_proxy_from_env) *options_set_proxy_from_env;
    __typeof__(ziggeo_client_new) *client_new;
    __typeof__(ziggeo_client_free) *client_free;
    __typeof__(ziggeo_webhooks_create) *webhooks_create;
    __typeof__(ziggeo_webhooks_confirm) *webhooks_confirm;
    __typeof__(ziggeo_webhooks_delete) *webhooks_delete;
    __typeof__(ziggeo_string_free) *string_free;
    __typeof__(ziggeo_error_message) *error_message;
    __typeof__(ziggeo_error_free) *error_free;
};

enum op { OP_CREATE, OP_CONFIRM, OP_DELETE };

struct bench {
    struct api api;
    ZiggeoClient *client;
    enum op op;
    const char *target_url;
    const char *encoding;
    const char *events;
    const char *webhook_id;
    const char *validation_code;
    char **delete_urls; /* one target URL per call, for OP_DELETE */
};

struct worker {
    struct bench *bench;
    size_t first;   /* index of the first call */
    size_t count;   /* calls to make */
    double *latencies;
    int failed;
};

static void die(const char *message, const char *detail) {
    fprintf(stderr, "bench-c: %s%s%s\n", message, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static const char *env_or(const char *name, const char *fallback) {
    const char *value = getenv(name);
    return value && *value ? value : fallback;
}

static const char *env_required(const char *name) {
    const char *value = getenv(name);
    if (!value || !*value) {
        die("missing environment variable; see benches/README.md", name);
    }
    return value;
}

static size_t env_count(const char *name, size_t fallback) {
    const char *value = getenv(name);
    if (!value || !*value) {
        return fallback;
    }
    char *end = NULL;
    unsigned long long parsed = strtoull(value, &end, 10);
    if (*end != '\0') {
        die("not a whole number", name);
    }
    return (size_t)parsed;
}

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_s(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return (double)usage.ru_utime.tv_sec + (double)usage.ru_utime.tv_usec / 1e6 +
           (double)usage.ru_stime.tv_sec + (double)usage.ru_stime.tv_usec / 1e6;
}

static long rss_kb(void) {
    FILE *file = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    if (!file) {
        return -1;
    }
    while (fgets(line, sizeof line, file)) {
        if (strncmp(line, "VmRSS:", 6) == 0) {
            kb = atol(line + 6);
            break;
        }
    }
    fclose(file);
    return kb;
}

static void *symbol(void *library, const char *name) {
    void *address = dlsym(library, name);
    if (!address) {
        die("symbol not found in LIBZIGGEO_PATH", name);
    }
    return address;
}

static void load_api(struct api *api, const char *path) {
    void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        die("dlopen failed", dlerror());
    }
    api->options_new = symbol(library, "ziggeo_options_new");
    api->options_free = symbol(library, "ziggeo_options_free");
    api->options_set_base_url = symbol(library, "ziggeo_options_set_base_url");
    api->options_set_ca_bundle = symbol(library, "ziggeo_options_set_ca_bundle");
    api->options_set_proxy_from_env = symbol(library, "ziggeo_options_set_proxy_from_env");
    api->client_new = symbol(library, "ziggeo_client_new");
    api->client_free = symbol(library, "ziggeo_client_free");
    api->webhooks_create = symbol(library, "ziggeo_webhooks_create");
    api->webhooks_confirm = symbol(library, "ziggeo_webhooks_confirm");
    api->webhooks_delete = symbol(library, "ziggeo_webhooks_delete");
    api->string_free = symbol(library, "ziggeo_string_free");
    api->error_message = symbol(library, "ziggeo_error_message");
    api->error_free = symbol(library, "ziggeo_error_free");
}

static void check(struct bench *bench, ZiggeoStatus status, ZiggeoError *error, const char *call_name) {
    if (status != ZIGGEO_STATUS_OK) {
        fprintf(stderr, "bench-c: %s failed: %s\n", call_name, bench->api.error_message(error));
        bench->api.error_free(error);
        exit(1);
    }
}

static ZiggeoClient *new_client(struct bench *bench, const char *base_url, const char *ca_file) {
    struct api *api = &bench->api;
    ZiggeoOptions *options = api->options_new();
    ZiggeoError *error = NULL;
    ZiggeoClient *client = NULL;

    check(bench, api->options_set_base_url(options, base_url, &error), error, "ziggeo_options_set_base_url");
    check(bench, api->options_set_proxy_from_env(options, false, &error), error, "ziggeo_options_set_proxy_from_env");
    if (ca_file) {
        check(bench, api->options_set_ca_bundle(options, ca_file, &error), error, "ziggeo_options_set_ca_bundle");
    }
    check(bench,
          api->client_new(env_required("ZIGGEO_BENCH_APP_TOKEN"), env_required("ZIGGEO_BENCH_PRIVATE_KEY"), options,
                          &client, &error),
          error, "ziggeo_client_new");
    api->options_free(options);
    return client;
}

/* Makes call number `index` and checks its response body; returns 0 on success. */
static int call_once(struct bench *bench, size_t index) {
    struct api *api = &bench->api;
    char *body = NULL;
    ZiggeoError *error = NULL;
    ZiggeoStatus status;
    const char *expected = NULL;

    switch (bench->op) {
    case OP_CREATE:
        status = api->webhooks_create(bench->client, bench->target_url, bench->encoding, bench->events, &body, &error);
        break;
    case OP_CONFIRM:
        status = api->webhooks_confirm(bench->client, bench->webhook_id, bench->validation_code, &body, &error);
        expected = "true";
        break;
    default:
        status = api->webhooks_delete(bench->client, bench->delete_urls[index], &body, &error);
        expected = "null";
        break;
    }
    if (status != ZIGGEO_STATUS_OK) {
        fprintf(stderr, "bench-c: call %zu failed: %s\n", index, api->error_message(error));
        api->error_free(error);
        return 1;
    }
    int wrong = expected ? strcmp(body, expected) != 0 : strlen(body) != 32;
    if (wrong) {
        fprintf(stderr, "bench-c: call %zu returned an unexpected body: %s\n", index, body);
    }
    api->string_free(body);
    return wrong;
}

static void *run_worker(void *argument) {
    struct worker *worker = argument;
    for (size_t i = 0; i < worker->count && !worker->failed; i++) {
        double start = now_s();
        worker->failed = call_once(worker->bench, worker->first + i);
        worker->latencies[i] = now_s() - start;
    }
    return NULL;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted values, in microseconds. */
static double percentile_us(const double *sorted, size_t count, double fraction) {
    size_t rank = (size_t)(fraction * (double)count + 0.999999);
    return sorted[(rank ? rank : 1) - 1] * 1e6;
}

static enum op parse_op(const char *name) {
    if (strcmp(name, "create") == 0) return OP_CREATE;
    if (strcmp(name, "confirm") == 0) return OP_CONFIRM;
    if (strcmp(name, "delete") == 0) return OP_DELETE;
    die("ZIGGEO_BENCH_OP must be create, confirm or delete", name);
    return OP_CREATE;
}

/* For OP_DELETE: creates one webhook per call, at TARGET_URL/INDEX, to delete later. */
static void prepare_deletes(struct bench *bench, size_t total) {
    bench->delete_urls = calloc(total, sizeof *bench->delete_urls);
    for (size_t i = 0; i < total; i++) {
        char *body = NULL;
        ZiggeoError *error = NULL;
        if (asprintf(&bench->delete_urls[i], "%s/%zu", bench->target_url, i) < 0) {
            die("out of memory", NULL);
        }
        check(bench,
              bench->api.webhooks_create(bench->client, bench->delete_urls[i], bench->encoding, bench->events, &body,
                                         &error),
              error, "ziggeo_webhooks_create before delete");
        bench->api.string_free(body);
    }
}

int main(void) {
    struct bench bench = {0};
    size_t calls = env_count("ZIGGEO_BENCH_CALLS", 1000);
    size_t warmup = env_count("ZIGGEO_BENCH_WARMUP", 20);
    size_t threads = env_count("ZIGGEO_BENCH_THREADS", 1);
    if (calls == 0 || threads == 0 || threads > 64) {
        die("ZIGGEO_BENCH_CALLS must be at least 1 and ZIGGEO_BENCH_THREADS 1 to 64", NULL);
    }
    bench.op = parse_op(env_or("ZIGGEO_BENCH_OP", "create"));
    bench.target_url = env_required("ZIGGEO_BENCH_TARGET_URL");
    bench.encoding = env_or("ZIGGEO_BENCH_ENCODING", "json");
    bench.events = env_or("ZIGGEO_BENCH_EVENTS", "video_ready");
    bench.webhook_id = env_or("ZIGGEO_BENCH_WEBHOOK_ID", "");
    bench.validation_code = env_or("ZIGGEO_BENCH_VALIDATION_CODE", "");

    double init_start = now_s();
    load_api(&bench.api, env_required("LIBZIGGEO_PATH"));
    bench.client = new_client(&bench, env_required("ZIGGEO_BENCH_BASE_URL"), env_or("ZIGGEO_BENCH_CA_FILE", NULL));
    double init_ms = (now_s() - init_start) * 1e3;

    if (bench.op == OP_DELETE) {
        prepare_deletes(&bench, warmup + calls);
    }
    for (size_t i = 0; i < warmup; i++) {
        if (call_once(&bench, i)) return 1;
    }

    double *latencies = calloc(calls, sizeof *latencies);
    struct worker *workers = calloc(threads, sizeof *workers);
    pthread_t *ids = calloc(threads, sizeof *ids);
    if (!latencies || !workers || !ids) die("out of memory", NULL);
    /* Touch every page now, so that RSS growth counts the library's memory, not this array's. */
    memset(latencies, 0xff, calls * sizeof *latencies);

    long rss_before = rss_kb();
    double cpu_start = cpu_s();
    double wall_start = now_s();
    size_t next = 0;
    for (size_t t = 0; t < threads; t++) {
        size_t share = calls / threads + (t < calls % threads ? 1 : 0);
        workers[t] = (struct worker){&bench, warmup + next, share, latencies + next, 0};
        next += share;
        if (pthread_create(&ids[t], NULL, run_worker, &workers[t]) != 0) die("pthread_create failed", NULL);
    }
    int failed = 0;
    for (size_t t = 0; t < threads; t++) {
        pthread_join(ids[t], NULL);
        failed |= workers[t].failed;
    }
    double wall = now_s() - wall_start;
    double cpu = cpu_s() - cpu_start;
    long rss_after = rss_kb();
    if (failed) return 1;

    qsort(latencies, calls, sizeof *latencies, compare_doubles);
    printf("{\"client\":\"c\",\"op\":\"%s\",\"threads\":%zu,\"calls\":%zu,\"wall_s\":%.6f,\"cpu_s\":%.6f,"
           "\"p50_us\":%.1f,\"p99_us\":%.1f,\"init_ms\":%.3f,\"rss_before_kb\":%ld,\"rss_after_kb\":%ld}\n",
           env_or("ZIGGEO_BENCH_OP", "create"), threads, calls, wall, cpu, percentile_us(latencies, calls, 0.50),
           percentile_us(latencies, calls, 0.99), init_ms, rss_before, rss_after);
    bench.api.client_free(bench.client);
    return 0;
}
