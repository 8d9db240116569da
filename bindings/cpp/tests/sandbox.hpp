// Starts one ziggeo-sandbox process for the whole test run, from the binary
// named by ZIGGEO_SANDBOX_BIN, on 127.0.0.1 with a free port, and one
// receiver for the target URLs of the webhooks that the tests create. The
// receiver outlives the sandbox, so every handshake call reaches it.

#ifndef ZIGGEO_TEST_SANDBOX_HPP
#define ZIGGEO_TEST_SANDBOX_HPP

#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "http.hpp"

extern char** environ;

namespace test_sandbox {

inline const char* const kAppToken = "cpp-test-app-token";
inline const char* const kPrivateKey = "cpp-test-private-key";

class Sandbox : public ::testing::Environment {
public:
    void SetUp() override {
        receiver_ = std::make_unique<test_http::Receiver>();
        const char* binary = std::getenv("ZIGGEO_SANDBOX_BIN");
        if (binary == nullptr || *binary == '\0') {
            throw std::runtime_error("ZIGGEO_SANDBOX_BIN is not set; run the tests with `make test-cpp`");
        }
        int pipe_fds[2];
        if (::pipe(pipe_fds) != 0) {
            throw std::runtime_error("pipe failed");
        }

        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
        const std::string app = std::string("--app=") + kAppToken + ":" + kPrivateKey;
        const char* argv[] = {binary, "--listen", "127.0.0.1:0", app.c_str(), "--quiet", nullptr};
        const int spawned = posix_spawn(&pid_, binary, &actions, nullptr, const_cast<char* const*>(argv), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(pipe_fds[1]);
        if (spawned != 0) {
            throw std::runtime_error(std::string("cannot start the sandbox at ") + binary);
        }

        // The first line is "listening on http://127.0.0.1:PORT".
        output_ = ::fdopen(pipe_fds[0], "r");
        char line[256] = {0};
        if (output_ == nullptr || std::fgets(line, sizeof line, output_) == nullptr) {
            throw std::runtime_error("the sandbox exited before printing its address");
        }
        const std::string text(line);
        const std::size_t at = text.find("http://");
        if (at == std::string::npos) {
            throw std::runtime_error("unexpected first line from the sandbox: " + text);
        }
        base_url_ = text.substr(at, text.find_first_of("\r\n", at) - at);

        // Anything printed later is read and dropped so the sandbox never
        // blocks on a full pipe.
        drain_ = std::thread([file = output_] {
            char buffer[1024];
            while (std::fgets(buffer, sizeof buffer, file) != nullptr) {
            }
        });
    }

    void TearDown() override {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            ::waitpid(pid_, nullptr, 0);
        }
        if (drain_.joinable()) {
            drain_.join();
        }
        if (output_ != nullptr) {
            std::fclose(output_);
        }
        receiver_.reset();
    }

    static Sandbox& instance() {
        static Sandbox* sandbox = new Sandbox();
        return *sandbox;
    }

    const std::string& base_url() const { return base_url_; }

    test_http::Receiver& receiver() { return *receiver_; }

private:
    pid_t pid_ = 0;
    FILE* output_ = nullptr;
    std::thread drain_;
    std::string base_url_;
    std::unique_ptr<test_http::Receiver> receiver_;
};

inline const std::string& base_url() { return Sandbox::instance().base_url(); }

inline test_http::Receiver& receiver() { return Sandbox::instance().receiver(); }

}  // namespace test_sandbox

#endif  // ZIGGEO_TEST_SANDBOX_HPP
