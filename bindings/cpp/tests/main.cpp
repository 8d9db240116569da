// Runs every test with one sandbox process started before the first test
// and stopped after the last.

#include <gtest/gtest.h>

#include "sandbox.hpp"

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    // GoogleTest takes ownership of the environment.
    ::testing::AddGlobalTestEnvironment(&test_sandbox::Sandbox::instance());
    return RUN_ALL_TESTS();
}
