/* Compiles include/ziggeo.h as strict C99: make test-header builds this
 * file with -std=c99 -Wall -Wextra -Werror -pedantic. */
#include "ziggeo.h"

typedef int ziggeo_header_compiles_as_c99;
