/* Confirms a webhook with the validation code Ziggeo sent to its target
 * URL, as Ziggeo's SDK example webhooks_confirm does.
 *
 *   webhooks_confirm APP_TOKEN PRIVATE_KEY WEBHOOK_ID VALIDATION_CODE
 *
 * Prints the response body and exits 0; prints the error to stderr and
 * exits 1 on failure, or 2 on wrong usage. Set ZIGGEO_SERVER_API_URL to talk
 * to another server, such as the sandbox. */
#include <stdio.h>

#include "example_common.h"

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr,
                "usage: %s APP_TOKEN PRIVATE_KEY WEBHOOK_ID VALIDATION_CODE\n"
                "example: %s my_token my_private_key 5d3f0c9b8a7e6d5c4b3a29181706f5e4 482913\n",
                argv[0], argv[0]);
        return EXIT_USAGE;
    }

    ZiggeoClient *client = example_client_new(argv[1], argv[2]);
    if (client == NULL) {
        return EXIT_FAILED;
    }

    char *body = NULL;
    ZiggeoError *error = NULL;
    ZiggeoStatus status = ziggeo_webhooks_confirm(client, argv[3], argv[4], &body, &error);
    ziggeo_client_free(client);
    return example_finish("confirm", status, body, error);
}
