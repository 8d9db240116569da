// Compiles include/ziggeo.h as strict C++17 and checks that the extern "C"
// guard gives the functions C linkage: make test-header builds this file
// with -std=c++17 -Wall -Wextra -Werror -pedantic.
#include "ziggeo.h"

#include <type_traits>

static_assert(std::is_same<decltype(&ziggeo_version), const char *(*)()>::value,
              "ziggeo_version keeps its C signature in C++");
static_assert(ZIGGEO_STATUS_OK == 0, "success is status 0");
