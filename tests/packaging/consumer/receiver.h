/*
 * receiver.h: a minimal HTTP/1.1 receiver on 127.0.0.1 that acts as a
 * webhook's target URL in the packaging tests. It accepts one POST at a
 * time, responds 200 with an empty body and closes the connection.
 *
 * Single-threaded; not for production use: no TLS, no chunked bodies, and
 * bodies of at most RECEIVER_MAX_BODY bytes.
 */

#ifndef ZIGGEO_TEST_RECEIVER_H
#define ZIGGEO_TEST_RECEIVER_H

#include <stddef.h>

#define RECEIVER_MAX_BODY (64 * 1024)

struct receiver {
    int listen_fd;
    unsigned short port;
};

/* One received request. `body` is NUL-terminated and owned by the caller,
 * who frees it with free(). `content_type` is empty when the header is absent. */
struct received_request {
    char content_type[256];
    char *body;
    size_t body_len;
};

/* Listens on 127.0.0.1 with a port the kernel picks; returns 0, or -1 with
 * a message on stderr. */
int receiver_open(struct receiver *receiver);

/* Waits up to `timeout_ms` for one request, reads it and responds 200.
 * Returns 0, or -1 with a message on stderr on timeout or a malformed request. */
int receiver_next(struct receiver *receiver, int timeout_ms, struct received_request *request);

/* Stops listening. Safe to call on a receiver that failed to open. */
void receiver_close(struct receiver *receiver);

#endif
