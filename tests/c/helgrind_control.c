/* The control for the helgrind check: a data race inside libziggeo on
 * purpose, which the check must report. Two threads set the timeout of one
 * options object at the same time, which src/ffi/options.rs forbids: an
 * options object is not thread-safe. If helgrind_races.py passed this
 * program's report, it would be passing races in libziggeo's own code too. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>

#include "ziggeo.h"

#define THREADS 2
#define SETS_PER_THREAD 100

static void *set_timeouts(void *argument) {
    ZiggeoOptions *options = argument;

    for (uint64_t timeout_ms = 1; timeout_ms <= SETS_PER_THREAD; timeout_ms++) {
        ziggeo_options_set_timeout_ms(options, timeout_ms, NULL);
    }
    return NULL;
}

int main(void) {
    ZiggeoOptions *options = ziggeo_options_new();
    pthread_t threads[THREADS];

    for (int index = 0; index < THREADS; index++) {
        pthread_create(&threads[index], NULL, set_timeouts, options);
    }
    for (int index = 0; index < THREADS; index++) {
        pthread_join(threads[index], NULL);
    }

    ziggeo_options_free(options);
    printf("helgrind control: %d threads set one options object's timeout %d times each\n", THREADS,
           SETS_PER_THREAD);
    return 0;
}
