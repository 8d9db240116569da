/* Starts the ziggeo-sandbox binary as a child process for C tests. */
#ifndef ZIGGEO_TEST_SANDBOX_PROCESS_H
#define ZIGGEO_TEST_SANDBOX_PROCESS_H

#include <sys/types.h>

/* A running sandbox: its process id and base URL. */
typedef struct SandboxProcess {
    pid_t pid;
    char base_url[128];
} SandboxProcess;

/* Starts $ZIGGEO_SANDBOX_BIN on 127.0.0.1:0 accepting app_token:private_key,
 * and reads its address from the first line it prints. Returns 0 on success,
 * -1 with a message on stderr on failure. */
int sandbox_start(SandboxProcess *sandbox, const char *app_token, const char *private_key);

/* Stops the sandbox with SIGTERM and waits for it. */
void sandbox_stop(SandboxProcess *sandbox);

#endif
