/* Removes every webhook with a target URL, as Ziggeo's SDK example
 * webhooks_delete does.
 *
 *   webhooks_delete APP_TOKEN PRIVATE_KEY TARGET_URL
 *
 * Prints the response body and exits 0; prints the error to stderr and
 * exits 1 on failure, or 2 on wrong usage. Set ZIGGEO_SERVER_API_URL to talk
 * to another server, such as the sandbox. */
#include <stdio.h>

#include "example_common.h"

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr,
                "usage: %s APP_TOKEN PRIVATE_KEY TARGET_URL\n"
                "example: %s my_token my_private_key https://example.com/ziggeo-hook\n",
                argv[0], argv[0]);
        return EXIT_USAGE;
    }

    ZiggeoClient *client = example_client_new(argv[1], argv[2]);
    if (client == NULL) {
        return EXIT_FAILED;
    }

    char *body = NULL;
    ZiggeoError *error = NULL;
    ZiggeoStatus status = ziggeo_webhooks_delete(client, argv[3], &body, &error);
    ziggeo_client_free(client);
    return example_finish("delete", status, body, error);
}
