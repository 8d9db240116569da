/* Registers a webhook, as Ziggeo's SDK example webhooks_create does.
 *
 *   webhooks_create APP_TOKEN PRIVATE_KEY TARGET_URL ENCODING EVENTS
 *
 * Prints the response body (the webhook id) and exits 0; prints the error
 * to stderr and exits 1 on failure, or 2 on wrong usage. Set
 * ZIGGEO_SERVER_API_URL to talk to another server, such as the sandbox. */
#include <stdio.h>

#include "example_common.h"

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr,
                "usage: %s APP_TOKEN PRIVATE_KEY TARGET_URL ENCODING EVENTS\n"
                "example: %s my_token my_private_key https://example.com/ziggeo-hook json "
                "video_ready,video_delete\n",
                argv[0], argv[0]);
        return EXIT_USAGE;
    }

    ZiggeoClient *client = example_client_new(argv[1], argv[2]);
    if (client == NULL) {
        return EXIT_FAILED;
    }

    char *body = NULL;
    ZiggeoError *error = NULL;
    ZiggeoStatus status = ziggeo_webhooks_create(client, argv[3], argv[4], argv[5], &body, &error);
    ziggeo_client_free(client);
    return example_finish("create", status, body, error);
}
