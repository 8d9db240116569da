/*
 * receiver.c: the minimal HTTP receiver described in receiver.h.
 */

#define _POSIX_C_SOURCE 200809L

#include "receiver.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define MAX_HEADER 8192
/* Per-read limit once a connection is accepted, so a stalled sender cannot hang the test. */
#define READ_TIMEOUT_S 5

int receiver_open(struct receiver *receiver) {
    struct sockaddr_in address;
    socklen_t length = sizeof address;
    int one = 1;

    receiver->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    receiver->port = 0;
    if (receiver->listen_fd < 0) {
        perror("receiver: socket");
        return -1;
    }
    setsockopt(receiver->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);

    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (bind(receiver->listen_fd, (struct sockaddr *)&address, sizeof address) != 0 ||
        listen(receiver->listen_fd, 8) != 0 ||
        getsockname(receiver->listen_fd, (struct sockaddr *)&address, &length) != 0) {
        perror("receiver: bind/listen on 127.0.0.1:0");
        receiver_close(receiver);
        return -1;
    }
    receiver->port = ntohs(address.sin_port);
    return 0;
}

/* Returns the value of header `name` in the header block `headers`, copied
 * into `value` (at most `size` - 1 bytes), or -1 when it is absent. */
static int find_header(const char *headers, const char *name, char *value, size_t size) {
    size_t name_len = strlen(name);
    const char *line = strstr(headers, "\r\n");

    while (line != NULL && line[2] != '\r') {
        const char *start = line + 2;
        const char *end = strstr(start, "\r\n");
        if (end == NULL) {
            return -1;
        }
        if ((size_t)(end - start) > name_len && strncasecmp(start, name, name_len) == 0 &&
            start[name_len] == ':') {
            const char *from = start + name_len + 1;
            size_t copy;
            while (*from == ' ' || *from == '\t') {
                from++;
            }
            copy = (size_t)(end - from);
            if (copy >= size) {
                copy = size - 1;
            }
            memcpy(value, from, copy);
            value[copy] = '\0';
            return 0;
        }
        line = end;
    }
    return -1;
}

/* Reads one request from `fd` into `request`; returns 0 or -1. */
static int read_request(int fd, struct received_request *request) {
    char header[MAX_HEADER + 1];
    char length_text[32];
    size_t used = 0;
    char *header_end = NULL;
    size_t body_len;
    size_t have;

    while (header_end == NULL) {
        ssize_t n;
        if (used == MAX_HEADER) {
            fprintf(stderr, "receiver: request header larger than %d bytes\n", MAX_HEADER);
            return -1;
        }
        n = recv(fd, header + used, MAX_HEADER - used, 0);
        if (n <= 0) {
            fprintf(stderr, "receiver: connection closed or timed out before the header ended\n");
            return -1;
        }
        used += (size_t)n;
        header[used] = '\0';
        header_end = strstr(header, "\r\n\r\n");
    }

    if (find_header(header, "Content-Length", length_text, sizeof length_text) != 0) {
        fprintf(stderr, "receiver: missing Content-Length in the request; chunked bodies are not supported\n");
        return -1;
    }
    body_len = strtoul(length_text, NULL, 10);
    if (body_len > RECEIVER_MAX_BODY) {
        fprintf(stderr, "receiver: body of %zu bytes exceeds %d\n", body_len, RECEIVER_MAX_BODY);
        return -1;
    }
    if (find_header(header, "Content-Type", request->content_type, sizeof request->content_type) != 0) {
        request->content_type[0] = '\0';
    }

    request->body = malloc(body_len + 1);
    if (request->body == NULL) {
        fprintf(stderr, "receiver: out of memory\n");
        return -1;
    }
    have = used - (size_t)(header_end + 4 - header);
    if (have > body_len) {
        have = body_len;
    }
    memcpy(request->body, header_end + 4, have);
    while (have < body_len) {
        ssize_t n = recv(fd, request->body + have, body_len - have, 0);
        if (n <= 0) {
            fprintf(stderr, "receiver: body ended after %zu of %zu bytes\n", have, body_len);
            free(request->body);
            request->body = NULL;
            return -1;
        }
        have += (size_t)n;
    }
    request->body[body_len] = '\0';
    request->body_len = body_len;
    return 0;
}

int receiver_next(struct receiver *receiver, int timeout_ms, struct received_request *request) {
    static const char ok[] = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    struct pollfd waiting = {receiver->listen_fd, POLLIN, 0};
    struct timeval read_timeout = {READ_TIMEOUT_S, 0};
    int ready;
    int fd;
    int result;

    memset(request, 0, sizeof *request);
    ready = poll(&waiting, 1, timeout_ms);
    if (ready <= 0) {
        fprintf(stderr, "receiver: no request on port %u within %d ms\n", receiver->port, timeout_ms);
        return -1;
    }
    fd = accept(receiver->listen_fd, NULL, NULL);
    if (fd < 0) {
        perror("receiver: accept");
        return -1;
    }
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &read_timeout, sizeof read_timeout);

    result = read_request(fd, request);
    if (result == 0 && send(fd, ok, sizeof ok - 1, MSG_NOSIGNAL) != (ssize_t)(sizeof ok - 1)) {
        fprintf(stderr, "receiver: failed to send the 200 response: %s\n", strerror(errno));
        free(request->body);
        request->body = NULL;
        result = -1;
    }
    close(fd);
    return result;
}

void receiver_close(struct receiver *receiver) {
    if (receiver->listen_fd >= 0) {
        close(receiver->listen_fd);
        receiver->listen_fd = -1;
    }
}
