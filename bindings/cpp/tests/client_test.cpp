// The webhook calls against the sandbox: results, errors, timeouts, closing
// and sharing one client between threads.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <regex>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "fixture.hpp"
#include "http.hpp"
#include "sandbox.hpp"
#include "ziggeo.hpp"

namespace {

using namespace std::chrono_literals;

static_assert(!std::is_copy_constructible_v<ziggeo::Client>, "a client owns its handle");
static_assert(std::is_nothrow_move_constructible_v<ziggeo::Client>, "a client moves without throwing");
static_assert(std::is_base_of_v<std::runtime_error, ziggeo::Error>, "errors are runtime errors");
static_assert(std::is_base_of_v<ziggeo::ConnectionError, ziggeo::DnsError>, "DNS failures are connection errors");

class ClientTest : public SandboxTest {};

// Runs `call` and returns the ziggeo::Error it throws, failing the test if
// it throws nothing.
template <typename Exception, typename Call>
Exception expect_throw(Call call) {
    try {
        call();
    } catch (const Exception& error) {
        return error;
    }
    ADD_FAILURE() << "expected an exception, but the call returned";
    return Exception(ziggeo::Status::ok, "not thrown");
}

TEST_F(ClientTest, CreateReturnsWebhookId) {
    const ziggeo::Client client = make_client();

    const std::string id = client.webhooks().create(target("/cpp/create"), "json", {"video_ready"});

    EXPECT_TRUE(std::regex_match(id, std::regex("[0-9a-f]{32}"))) << id;
}

TEST_F(ClientTest, CreateWithServerDefaultEncoding) {
    const ziggeo::Client client = make_client();

    const std::string id =
        client.webhooks().create(target("/cpp/default"), std::nullopt, {"video_ready", "video_delete"});

    EXPECT_EQ(id.size(), 32u);
}

TEST_F(ClientTest, DeleteRemovesWebhook) {
    const ziggeo::Client client = make_client();
    client.webhooks().create(target("/cpp/delete"), "form", {"video_ready"});

    EXPECT_EQ(client.webhooks().remove(target("/cpp/delete")), "null");

    const auto error = expect_throw<ziggeo::HttpError>(
        [&] { client.webhooks().remove(target("/cpp/delete")); });
    EXPECT_EQ(error.status(), ziggeo::Status::http);
    EXPECT_EQ(error.http_status(), 404);
    EXPECT_FALSE(error.body().empty());
}

TEST_F(ClientTest, ConfirmWithWrongCodeIs400) {
    const ziggeo::Client client = make_client();
    const std::string id = client.webhooks().create(target("/cpp/confirm"), "json", {"video_ready"});

    const auto error = expect_throw<ziggeo::HttpError>([&] { client.webhooks().confirm(id, "000000"); });

    EXPECT_EQ(error.status(), ziggeo::Status::http);
    EXPECT_EQ(error.http_status(), 400);
    EXPECT_FALSE(error.body().empty());
    EXPECT_NE(std::string(error.what()).find("400"), std::string::npos) << error.what();
}

TEST_F(ClientTest, ConfirmUnknownIdIs404) {
    const ziggeo::Client client = make_client();

    const auto error = expect_throw<ziggeo::HttpError>(
        [&] { client.webhooks().confirm("0123456789abcdef0123456789abcdef", "123456"); });

    EXPECT_EQ(error.http_status(), 404);
    EXPECT_NE(error.body().find("not found"), std::string::npos) << error.body();
}

TEST_F(ClientTest, WrongPrivateKeyIs401) {
    const ziggeo::Client client(test_sandbox::kAppToken, "wrong-secret-key", sandbox_options());

    const auto error = expect_throw<ziggeo::HttpError>(
        [&] { client.webhooks().create(target("/cpp/401"), "json", {"video_ready"}); });

    EXPECT_EQ(error.status(), ziggeo::Status::http);
    EXPECT_EQ(error.http_status(), 401);
    EXPECT_NE(error.body().find("unauthorized"), std::string::npos) << error.body();
    EXPECT_EQ(std::string(error.what()).find("wrong-secret-key"), std::string::npos) << error.what();
}

TEST_F(ClientTest, CreateTimesOutOnDelayFault) {
    add_fault(R"({"path": "/v1/api/hook", "count": 1, "action": "delay", "delay_ms": 2000})");
    ziggeo::Options options = sandbox_options();
    options.timeout = 300ms;
    const ziggeo::Client client = make_client(options);

    const auto started = std::chrono::steady_clock::now();
    const auto error = expect_throw<ziggeo::TimeoutError>(
        [&] { client.webhooks().create(target("/cpp/timeout"), "json", {"video_ready"}); });
    const auto elapsed = std::chrono::steady_clock::now() - started;

    EXPECT_EQ(error.status(), ziggeo::Status::timeout);
    EXPECT_TRUE(error.outcome_unknown());
    EXPECT_LT(elapsed, 1900ms);
}

TEST_F(ClientTest, DroppedConnectionIsConnectionError) {
    add_fault(R"({"path": "/v1/api/hook", "count": 1, "action": "drop"})");
    const ziggeo::Client client = make_client();

    const auto error = expect_throw<ziggeo::ConnectionError>(
        [&] { client.webhooks().create(target("/cpp/drop"), "json", {"video_ready"}); });

    EXPECT_EQ(error.status(), ziggeo::Status::connection);
}

TEST_F(ClientTest, InvalidEventNameIsRejected) {
    const ziggeo::Client client = make_client();

    const auto error = expect_throw<ziggeo::InvalidArgumentError>(
        [&] { client.webhooks().create(target("/cpp/bad"), "json", {"Video Ready"}); });

    EXPECT_EQ(error.status(), ziggeo::Status::invalid_argument);
    EXPECT_NE(std::string(error.what()).find("Video Ready"), std::string::npos) << error.what();
}

TEST_F(ClientTest, NulByteInArgumentIsRejected) {
    const ziggeo::Client client = make_client();
    const std::string url = target("/a") + std::string(1, '\0') + "b";

    const auto error = expect_throw<ziggeo::InvalidArgumentError>(
        [&] { client.webhooks().remove(url); });

    EXPECT_NE(std::string(error.what()).find("target_url"), std::string::npos) << error.what();
}

TEST_F(ClientTest, EmptyTokenIsRejected) {
    const auto error = expect_throw<ziggeo::InvalidArgumentError>(
        [&] { ziggeo::Client("", test_sandbox::kPrivateKey, sandbox_options()); });

    EXPECT_EQ(error.status(), ziggeo::Status::invalid_argument);
}

TEST_F(ClientTest, BadOptionsAreRejected) {
    ziggeo::Options negative = sandbox_options();
    negative.timeout = -5ms;
    ziggeo::Options zero = sandbox_options();
    zero.connect_timeout = 0ms;
    ziggeo::Options bad_url = sandbox_options();
    bad_url.base_url = "not a url";

    EXPECT_THROW(make_client(negative), ziggeo::InvalidArgumentError);
    EXPECT_THROW(make_client(zero), ziggeo::InvalidArgumentError);
    EXPECT_THROW(make_client(bad_url), ziggeo::InvalidArgumentError);
}

TEST_F(ClientTest, CloseTwiceIsSafe) {
    ziggeo::Client client = make_client();

    client.close();
    client.close();

    EXPECT_TRUE(client.is_closed());
    const auto error = expect_throw<ziggeo::InvalidArgumentError>(
        [&] { client.webhooks().remove(target("/cpp/closed")); });
    EXPECT_NE(std::string(error.what()).find("closed"), std::string::npos) << error.what();
}

TEST_F(ClientTest, MovedFromClientIsSafe) {
    ziggeo::Client first = make_client();
    ziggeo::Client second = std::move(first);
    ziggeo::Client third = make_client();

    third = std::move(second);

    EXPECT_TRUE(first.is_closed());  // NOLINT(bugprone-use-after-move): checks the moved-from state
    EXPECT_THROW(first.webhooks().remove(target("/cpp/moved")), ziggeo::InvalidArgumentError);
    EXPECT_EQ(third.webhooks().create(target("/cpp/moved"), "json", {"video_ready"}).size(), 32u);
}

TEST_F(ClientTest, ThreadsShareOneClient) {
    const ziggeo::Client client = make_client();
    constexpr int kThreads = 8;
    constexpr int kCalls = 25;
    std::atomic<int> succeeded{0};
    std::vector<std::thread> threads;

    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kCalls; ++i) {
                const std::string url = target("/cpp/thread/" + std::to_string(t) + "/" + std::to_string(i));
                try {
                    const std::string id = client.webhooks().create(url, "json", {"video_ready"});
                    if (id.size() == 32 && client.webhooks().remove(url) == "null") {
                        ++succeeded;
                    }
                } catch (const ziggeo::Error& error) {
                    ADD_FAILURE() << url << ": " << error.what();
                }
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }

    EXPECT_EQ(succeeded.load(), kThreads * kCalls);
}

TEST(Version, MatchesHeader) {
    EXPECT_EQ(ziggeo::version(), ZIGGEO_VERSION_STRING);
}

}  // namespace
