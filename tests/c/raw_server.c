#define _POSIX_C_SOURCE 200809L

#include "raw_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

/* Longest request head read; a longer one gets the reply all the same. */
#define MAX_HEAD (256 * 1024)
#define CHUNK (64 * 1024)

static int send_all(int fd, const char *bytes, size_t length, long long *sent) {
    while (length > 0) {
        ssize_t written = send(fd, bytes, length, MSG_NOSIGNAL);
        if (written <= 0) {
            return -1;
        }
        *sent += written;
        bytes += written;
        length -= (size_t)written;
    }
    return 0;
}

/* Reads the request head, then discards its Content-Length body. */
static int read_request(int fd) {
    char *head = malloc(MAX_HEAD + 1);
    size_t used = 0;
    char *end = NULL;

    if (head == NULL) {
        return -1;
    }
    while (used < MAX_HEAD && end == NULL) {
        ssize_t got = recv(fd, head + used, MAX_HEAD - used, 0);
        if (got <= 0) {
            free(head);
            return -1;
        }
        used += (size_t)got;
        head[used] = '\0';
        end = strstr(head, "\r\n\r\n");
    }

    long long body_left = 0;
    if (end != NULL) {
        for (char *line = head; line < end; line = strstr(line, "\r\n") + 2) {
            if (strncasecmp(line, "content-length:", 15) == 0) {
                body_left = atoll(line + 15);
            }
        }
        body_left -= (long long)(used - (size_t)(end + 4 - head));
    }
    free(head);

    char sink[CHUNK];
    while (body_left > 0) {
        ssize_t got = recv(fd, sink, sizeof sink, 0);
        if (got <= 0) {
            return -1;
        }
        body_left -= got;
    }
    return 0;
}

static void *serve(void *argument) {
    /* Static, not on the heap: a forked child has no copy of this thread,
     * and a heap buffer would then show as leaked in the child. */
    static char fill[CHUNK];
    RawServer *server = argument;

    memset(fill, 'x', CHUNK);
    for (;;) {
        int fd = accept(server->listen_fd, NULL, NULL);
        if (fd < 0) {
            break;
        }
        /* With keep-alive the connection serves requests until the client
         * closes it; otherwise it serves one. */
        int keep_alive = 1;
        while (keep_alive && read_request(fd) == 0) {
            pthread_mutex_lock(&server->lock);
            RawReply reply = server->reply;
            server->requests++;
            pthread_mutex_unlock(&server->lock);

            long long sent = 0;
            int ok = send_all(fd, reply.head, reply.head_len, &sent) == 0;
            for (size_t left = reply.fill_len; ok && left > 0;) {
                size_t part = left < CHUNK ? left : CHUNK;
                ok = send_all(fd, fill, part, &sent) == 0;
                left -= part;
            }
            pthread_mutex_lock(&server->lock);
            server->bytes_sent += sent;
            pthread_mutex_unlock(&server->lock);
            keep_alive = ok && reply.keep_alive;
        }
        close(fd);
    }
    return NULL;
}

int raw_server_start(RawServer *server) {
    struct sockaddr_in address;
    socklen_t length = sizeof address;

    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    server->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    if (server->listen_fd < 0 || bind(server->listen_fd, (struct sockaddr *)&address, sizeof address) != 0 ||
        listen(server->listen_fd, 16) != 0 ||
        getsockname(server->listen_fd, (struct sockaddr *)&address, &length) != 0) {
        perror("raw server");
        return -1;
    }
    snprintf(server->base_url, sizeof server->base_url, "http://127.0.0.1:%d", ntohs(address.sin_port));
    pthread_mutex_init(&server->lock, NULL);
    server->reply = (RawReply){"", 0, 0, 0};
    server->requests = 0;
    server->bytes_sent = 0;
    /* The thread blocks in accept() until the process exits. */
    if (pthread_create(&server->thread, NULL, serve, server) != 0) {
        return -1;
    }
    pthread_detach(server->thread);
    return 0;
}

void raw_server_set_reply(RawServer *server, const char *head, size_t head_len, size_t fill_len) {
    pthread_mutex_lock(&server->lock);
    server->reply = (RawReply){head, head_len, fill_len, 0};
    pthread_mutex_unlock(&server->lock);
}

void raw_server_set_keep_alive_reply(RawServer *server, const char *head, size_t head_len) {
    pthread_mutex_lock(&server->lock);
    server->reply = (RawReply){head, head_len, 0, 1};
    pthread_mutex_unlock(&server->lock);
}

long raw_server_requests(RawServer *server) {
    pthread_mutex_lock(&server->lock);
    long requests = server->requests;
    pthread_mutex_unlock(&server->lock);
    return requests;
}

long long raw_server_bytes_sent(RawServer *server) {
    pthread_mutex_lock(&server->lock);
    long long sent = server->bytes_sent;
    pthread_mutex_unlock(&server->lock);
    return sent;
}
