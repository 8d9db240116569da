/* A webhook receiver: the program behind a webhook's target URL.
 *
 *   webhook_receiver [--port PORT] [--confirm APP_TOKEN PRIVATE_KEY]
 *
 * It listens on 127.0.0.1 (PORT 0, the default, picks a free port) and
 * prints "listening on http://127.0.0.1:PORT" as its first line. It responds
 * 200 to every POST at once, parses the body with ziggeo_delivery_parse()
 * and prints one line per delivery. With --confirm it also confirms each
 * validation call through the library once the 200 has been sent, using
 * ZIGGEO_SERVER_API_URL as the base URL when it is set. It stops on SIGINT
 * or SIGTERM. The HTTP server is GNU libmicrohttpd. */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "example_common.h"

/* Deliveries are small; a larger body gets 413 and is not parsed. */
#define MAX_BODY (1024 * 1024)

/* One request's body as it arrives, and its parsed delivery. */
typedef struct Request {
    char *body;
    size_t length;
    int too_large;
    ZiggeoDelivery *delivery;
} Request;

static ZiggeoClient *confirm_client;
static pthread_mutex_t output_lock = PTHREAD_MUTEX_INITIALIZER;

/* Prints one line at a time, since every connection has its own thread. */
static void print_line(const char *format, ...) {
    va_list arguments;

    pthread_mutex_lock(&output_lock);
    va_start(arguments, format);
    vprintf(format, arguments);
    va_end(arguments);
    putchar('\n');
    fflush(stdout);
    pthread_mutex_unlock(&output_lock);
}

static int append_body(Request *request, const char *data, size_t size) {
    if (request->length + size > MAX_BODY) {
        request->too_large = 1;
        return 0;
    }
    char *grown = realloc(request->body, request->length + size + 1);
    if (grown == NULL) {
        request->too_large = 1;
        return 0;
    }
    memcpy(grown + request->length, data, size);
    request->body = grown;
    request->length += size;
    request->body[request->length] = '\0';
    return 0;
}

/* Returns the text, or "(none)" for a field the delivery lacks. */
static const char *or_none(const char *text) {
    return text != NULL ? text : "(none)";
}

static void print_delivery(const ZiggeoDelivery *delivery) {
    char *json = NULL;

    switch (ziggeo_delivery_kind(delivery)) {
    case ZIGGEO_DELIVERY_KIND_PING:
        print_line("ping received");
        break;
    case ZIGGEO_DELIVERY_KIND_VALIDATION:
        print_line("validation code received: webhook_id=%s validation_code=%s",
                   or_none(ziggeo_delivery_webhook_id(delivery)), or_none(ziggeo_delivery_validation_code(delivery)));
        break;
    case ZIGGEO_DELIVERY_KIND_EVENT:
        ziggeo_delivery_json(delivery, &json, NULL);
        print_line("event received: %s %s", or_none(ziggeo_delivery_event_type(delivery)), json != NULL ? json : "{}");
        ziggeo_string_free(json);
        break;
    default:
        break;
    }
}

static enum MHD_Result respond(struct MHD_Connection *connection, unsigned int status, const char *text) {
    struct MHD_Response *response =
        MHD_create_response_from_buffer(strlen(text), (void *)text, MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(response, "Content-Type", "text/plain");
    enum MHD_Result queued = MHD_queue_response(connection, status, response);
    MHD_destroy_response(response);
    return queued;
}

/* Collects the body; on the last call parses it and sends the response. */
static enum MHD_Result handle_request(void *unused, struct MHD_Connection *connection, const char *url,
                                      const char *method, const char *version, const char *upload_data,
                                      size_t *upload_data_size, void **state) {
    Request *request = *state;
    (void)unused;
    (void)url;
    (void)version;

    if (request == NULL) {
        request = calloc(1, sizeof *request);
        if (request == NULL) {
            return MHD_NO;
        }
        *state = request;
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        append_body(request, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }

    if (strcmp(method, "POST") != 0) {
        return respond(connection, MHD_HTTP_METHOD_NOT_ALLOWED, "POST deliveries here\n");
    }
    if (request->too_large) {
        return respond(connection, MHD_HTTP_CONTENT_TOO_LARGE, "body too large\n");
    }

    const char *content_type = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Content-Type");
    ZiggeoError *error = NULL;
    ZiggeoStatus status = ziggeo_delivery_parse(content_type, (const uint8_t *)request->body, request->length,
                                                &request->delivery, &error);
    if (status != ZIGGEO_STATUS_OK) {
        print_line("invalid delivery: %s", ziggeo_error_message(error));
        ziggeo_error_free(error);
    } else {
        print_delivery(request->delivery);
    }
    /* Ziggeo only needs the 200; a body it cannot use is still answered. */
    return respond(connection, MHD_HTTP_OK, "ok\n");
}

/* Runs after the answer was sent: confirms a validation call if asked to,
 * then frees the request. */
static void finish_request(void *unused, struct MHD_Connection *connection, void **state,
                           enum MHD_RequestTerminationCode reason) {
    Request *request = *state;
    (void)unused;
    (void)connection;

    if (request == NULL) {
        return;
    }
    if (reason == MHD_REQUEST_TERMINATED_COMPLETED_OK && confirm_client != NULL &&
        ziggeo_delivery_kind(request->delivery) == ZIGGEO_DELIVERY_KIND_VALIDATION) {
        char *body = NULL;
        ZiggeoError *error = NULL;
        ZiggeoStatus status = ziggeo_webhooks_confirm_delivery(confirm_client, request->delivery, &body, &error);
        if (status == ZIGGEO_STATUS_OK) {
            print_line("confirmed: webhook_id=%s response=%s", or_none(ziggeo_delivery_webhook_id(request->delivery)), body);
            ziggeo_string_free(body);
        } else {
            print_line("confirm failed: %s", ziggeo_error_message(error));
            ziggeo_error_free(error);
        }
    }
    ziggeo_delivery_free(request->delivery);
    free(request->body);
    free(request);
    *state = NULL;
}

static int usage(const char *program) {
    fprintf(stderr,
            "usage: %s [--port PORT] [--confirm APP_TOKEN PRIVATE_KEY]\n"
            "example: %s --port 8080 --confirm my_token my_private_key\n",
            program, program);
    return EXIT_USAGE;
}

int main(int argc, char **argv) {
    unsigned long port = 0;

    for (int index = 1; index < argc; index++) {
        if (strcmp(argv[index], "--port") == 0 && index + 1 < argc) {
            char *end = NULL;
            const char *text = argv[++index];
            port = strtoul(text, &end, 10);
            if (text[0] == '\0' || *end != '\0' || port > 65535) {
                fprintf(stderr, "error: invalid --port \"%s\"; give a number from 0 to 65535\n", text);
                return EXIT_USAGE;
            }
        } else if (strcmp(argv[index], "--confirm") == 0 && index + 2 < argc) {
            confirm_client = example_client_new(argv[index + 1], argv[index + 2]);
            if (confirm_client == NULL) {
                return EXIT_FAILED;
            }
            index += 2;
        } else {
            return usage(argv[0]);
        }
    }

    /* Block the stop signals before the server threads start, so that they
     * inherit the mask and only sigwait() below receives them. */
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);

    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_port = htons((uint16_t)port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    struct MHD_Daemon *daemon =
        MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_ERROR_LOG,
                         (uint16_t)port, NULL, NULL, handle_request, NULL, MHD_OPTION_SOCK_ADDR, &address,
                         MHD_OPTION_NOTIFY_COMPLETED, finish_request, NULL, MHD_OPTION_END);
    if (daemon == NULL) {
        fprintf(stderr, "error: could not listen on 127.0.0.1:%lu; pick another --port\n", port);
        ziggeo_client_free(confirm_client);
        return EXIT_FAILED;
    }

    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    printf("listening on http://127.0.0.1:%u\n", info != NULL ? (unsigned)info->port : (unsigned)port);
    fflush(stdout);

    int received = 0;
    sigwait(&stop_signals, &received);

    MHD_stop_daemon(daemon);
    ziggeo_client_free(confirm_client);
    return EXIT_OK;
}
