/* Shared helpers of the command-line examples: building a client from the
 * environment and printing errors. */
#ifndef ZIGGEO_EXAMPLE_COMMON_H
#define ZIGGEO_EXAMPLE_COMMON_H

#include "ziggeo.h"

/* Exit codes of the examples. */
enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

/* Creates a client for app_token and private_key. The base URL comes from
 * the environment variable ZIGGEO_SERVER_API_URL when it is set, else from
 * the token's region. Returns NULL after printing the error to stderr. */
ZiggeoClient *example_client_new(const char *app_token, const char *private_key);

/* Prints a failed call's error to stderr, with the HTTP status and body when
 * there is one, and frees the error. Returns EXIT_FAILED. */
int example_report(const char *call, ZiggeoStatus status, ZiggeoError *error);

/* Ends a call: prints the response body on success, or the error as
 * example_report() does, and frees whichever the call returned. Returns the
 * exit code, EXIT_OK or EXIT_FAILED. */
int example_finish(const char *call, ZiggeoStatus status, char *body, ZiggeoError *error);

#endif
