/* A raw TCP server on 127.0.0.1 for C tests: it reads a request (head
 * and Content-Length body), writes the scripted reply bytes
 * as they are, and closes the connection. Replies may be malformed HTTP or
 * very large. Writes use MSG_NOSIGNAL, so a client that hangs up raises no
 * SIGPIPE. One connection is served at a time. */
#ifndef ZIGGEO_TEST_RAW_SERVER_H
#define ZIGGEO_TEST_RAW_SERVER_H

#include <pthread.h>
#include <stddef.h>

/* The reply the server sends on the next connections. */
typedef struct RawReply {
    /* Bytes written first, as they are. */
    const char *head;
    size_t head_len;
    /* Then `fill_len` bytes of 'x', written in 64 KiB chunks. */
    size_t fill_len;
    /* Nonzero: serve the next request on the same connection. */
    int keep_alive;
} RawReply;

typedef struct RawServer {
    int listen_fd;
    char base_url[64];
    pthread_t thread;
    pthread_mutex_t lock;
    RawReply reply;
    /* Requests read so far, and bytes the client accepted of the replies. */
    long requests;
    long long bytes_sent;
} RawServer;

/* Starts the server on an ephemeral loopback port. Returns 0 or -1. The
 * server's thread runs until the process exits, so `server` must have
 * static storage: a variable in main() goes out of scope while exit()
 * still runs, and the thread would then read freed stack memory. */
int raw_server_start(RawServer *server);

/* Sets the reply for the following connections; `head` must outlive them. */
void raw_server_set_reply(RawServer *server, const char *head, size_t head_len, size_t fill_len);

/* Sets a reply after which the connection stays open for the next request;
 * `head` must be a complete HTTP response that allows keep-alive. */
void raw_server_set_keep_alive_reply(RawServer *server, const char *head, size_t head_len);

/* Returns the number of requests read so far. */
long raw_server_requests(RawServer *server);

/* Returns the number of reply bytes the client accepted so far. */
long long raw_server_bytes_sent(RawServer *server);

#endif
