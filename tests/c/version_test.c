/* Checks the version macros against each other at compile time and against
 * ziggeo_version() at run time. */
#include <stdio.h>
#include <string.h>

#include "ziggeo.h"

#define STRINGIFY_VALUE(x) #x
#define STRINGIFY(x) STRINGIFY_VALUE(x)
#define VERSION_FROM_PARTS \
    STRINGIFY(ZIGGEO_VERSION_MAJOR) "." STRINGIFY(ZIGGEO_VERSION_MINOR) "." STRINGIFY(ZIGGEO_VERSION_PATCH)

_Static_assert(ZIGGEO_VERSION_MAJOR >= 0, "major version is a non-negative integer");
_Static_assert(ZIGGEO_VERSION_MINOR >= 0, "minor version is a non-negative integer");
_Static_assert(ZIGGEO_VERSION_PATCH >= 0, "patch version is a non-negative integer");
_Static_assert(sizeof(VERSION_FROM_PARTS) == sizeof(ZIGGEO_VERSION_STRING),
               "ZIGGEO_VERSION_STRING has the length of MAJOR.MINOR.PATCH");

int main(void) {
    const char *runtime = ziggeo_version();

    if (strcmp(VERSION_FROM_PARTS, ZIGGEO_VERSION_STRING) != 0) {
        fprintf(stderr, "FAIL: macros give %s but ZIGGEO_VERSION_STRING is %s\n", VERSION_FROM_PARTS,
                ZIGGEO_VERSION_STRING);
        return 1;
    }
    if (strcmp(runtime, ZIGGEO_VERSION_STRING) != 0) {
        fprintf(stderr, "FAIL: header says %s but ziggeo_version() returns %s\n", ZIGGEO_VERSION_STRING,
                runtime);
        return 1;
    }
    printf("version %s: header and library agree\n", runtime);
    printf("1 passed, 0 failed\n");
    return 0;
}
