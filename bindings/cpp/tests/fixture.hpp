// The fixture shared by the tests that talk to the sandbox: it resets the
// sandbox's state and faults before each test and makes clients for it.

#ifndef ZIGGEO_TEST_FIXTURE_HPP
#define ZIGGEO_TEST_FIXTURE_HPP

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "http.hpp"
#include "sandbox.hpp"
#include "ziggeo.hpp"

class SandboxTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(test_http::request(test_sandbox::base_url(), "POST", "/_sandbox/reset").status, 200);
        ASSERT_EQ(test_http::request(test_sandbox::base_url(), "DELETE", "/_sandbox/faults").status, 200);
    }

    // A URL on the tests' receiver, to use as a webhook's target URL so that
    // the sandbox's handshake calls reach a server the tests started. The
    // path should be unique to the test, for receiver().wait_for(path, ...).
    static std::string target(const std::string& path) { return test_sandbox::receiver().url(path); }

    static ziggeo::Options sandbox_options() {
        ziggeo::Options options;
        options.base_url = test_sandbox::base_url();
        options.proxy_from_env = false;
        return options;
    }

    static ziggeo::Client make_client(const ziggeo::Options& options = sandbox_options()) {
        return ziggeo::Client(test_sandbox::kAppToken, test_sandbox::kPrivateKey, options);
    }

    // Queues one fault in the sandbox, given as the JSON of POST /_sandbox/faults.
    static void add_fault(const std::string& json) {
        const test_http::Response response =
            test_http::request(test_sandbox::base_url(), "POST", "/_sandbox/faults", json);
        ASSERT_EQ(response.status, 200) << response.body;
    }
};

#endif  // ZIGGEO_TEST_FIXTURE_HPP
