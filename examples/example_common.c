#include "example_common.h"

#include <stdio.h>
#include <stdlib.h>

ZiggeoClient *example_client_new(const char *app_token, const char *private_key) {
    ZiggeoOptions *options = ziggeo_options_new();
    ZiggeoClient *client = NULL;
    ZiggeoError *error = NULL;
    const char *base_url = getenv("ZIGGEO_SERVER_API_URL");
    ZiggeoStatus status = ZIGGEO_STATUS_OK;

    if (base_url != NULL && base_url[0] != '\0') {
        status = ziggeo_options_set_base_url(options, base_url, &error);
    }
    if (status == ZIGGEO_STATUS_OK) {
        status = ziggeo_client_new(app_token, private_key, options, &client, &error);
    }
    ziggeo_options_free(options);

    if (status != ZIGGEO_STATUS_OK) {
        example_report("creating the client", status, error);
        return NULL;
    }
    return client;
}

int example_report(const char *call, ZiggeoStatus status, ZiggeoError *error) {
    const char *message = ziggeo_error_message(error);

    /* The message names the call already; the status name is for calls
     * that failed before one was made, such as creating the client. */
    if (message != NULL) {
        fprintf(stderr, "error: %s\n", message);
    } else {
        fprintf(stderr, "error: %s failed: %s\n", call, ziggeo_status_message(status));
    }
    if (ziggeo_error_http_status(error) != 0) {
        const char *body = ziggeo_error_body(error);
        fprintf(stderr, "HTTP status: %d\nbody: %s\n", (int)ziggeo_error_http_status(error), body != NULL ? body : "");
    }
    ziggeo_error_free(error);
    return EXIT_FAILED;
}

int example_finish(const char *call, ZiggeoStatus status, char *body, ZiggeoError *error) {
    if (status != ZIGGEO_STATUS_OK) {
        return example_report(call, status, error);
    }
    printf("%s\n", body);
    ziggeo_string_free(body);
    return EXIT_OK;
}
