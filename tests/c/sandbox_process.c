#define _POSIX_C_SOURCE 200809L

#include "sandbox_process.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int sandbox_start(SandboxProcess *sandbox, const char *app_token, const char *private_key) {
    const char *binary = getenv("ZIGGEO_SANDBOX_BIN");
    char app[256];
    int pipe_fds[2];

    if (binary == NULL || binary[0] == '\0') {
        fprintf(stderr, "ZIGGEO_SANDBOX_BIN is not set; run the test through `make test`\n");
        return -1;
    }
    snprintf(app, sizeof app, "%s:%s", app_token, private_key);
    if (pipe(pipe_fds) != 0) {
        perror("pipe");
        return -1;
    }

    sandbox->pid = fork();
    if (sandbox->pid < 0) {
        perror("fork");
        return -1;
    }
    if (sandbox->pid == 0) {
        dup2(pipe_fds[1], STDOUT_FILENO);
        /* The sandbox logs failed deliveries to stderr, which these tests
         * cause on purpose; ZIGGEO_TEST_VERBOSE=1 keeps them. */
        if (getenv("ZIGGEO_TEST_VERBOSE") == NULL) {
            int null_fd = open("/dev/null", O_WRONLY);
            if (null_fd >= 0) {
                dup2(null_fd, STDERR_FILENO);
                close(null_fd);
            }
        }
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        execl(binary, binary, "--listen", "127.0.0.1:0", "--app", app, "--quiet", (char *)NULL);
        perror("exec ziggeo-sandbox");
        _exit(127);
    }
    close(pipe_fds[1]);

    /* The first line is "listening on http://127.0.0.1:PORT". */
    FILE *output = fdopen(pipe_fds[0], "r");
    char line[256];
    if (output == NULL || fgets(line, sizeof line, output) == NULL) {
        fprintf(stderr, "ziggeo-sandbox printed no address\n");
        sandbox_stop(sandbox);
        return -1;
    }
    line[strcspn(line, "\r\n")] = '\0';
    const char *url = strstr(line, "http");
    if (url == NULL) {
        fprintf(stderr, "unexpected first line from ziggeo-sandbox: %s\n", line);
        sandbox_stop(sandbox);
        return -1;
    }
    snprintf(sandbox->base_url, sizeof sandbox->base_url, "%s", url);
    /* The rest of the output is not read; closing our end is safe because
     * the sandbox writes nothing more to stdout with --quiet. */
    fclose(output);
    return 0;
}

void sandbox_stop(SandboxProcess *sandbox) {
    if (sandbox->pid > 0) {
        kill(sandbox->pid, SIGTERM);
        waitpid(sandbox->pid, NULL, 0);
        sandbox->pid = 0;
    }
}
