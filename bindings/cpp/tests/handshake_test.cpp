// The whole webhook flow in each encoding: create, receive the ping and the
// validation call, confirm from the delivery, receive an event, delete.

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "http.hpp"
#include "sandbox.hpp"
#include "ziggeo.hpp"

namespace {

using namespace std::chrono_literals;

class HandshakeTest : public SandboxTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(HandshakeTest, ConfirmsAndReceivesEvent) {
    const std::string encoding = GetParam();
    const ziggeo::Client client = make_client();
    const std::string path = "/cpp/handshake/" + encoding;
    const std::string url = target(path);

    const std::string id = client.webhooks().create(url, encoding, {"video_ready"});

    const std::vector<test_http::Request> handshake = test_sandbox::receiver().wait_for(path, 2, 10s);
    ASSERT_EQ(handshake.size(), 2u);
    const auto ping = ziggeo::parse_delivery(handshake[0].body, handshake[0].content_type);
    EXPECT_EQ(ping.kind(), ziggeo::Delivery::Kind::ping);
    const auto validation = ziggeo::parse_delivery(handshake[1].body, handshake[1].content_type);
    ASSERT_EQ(validation.kind(), ziggeo::Delivery::Kind::validation);
    EXPECT_EQ(validation.webhook_id(), id);
    EXPECT_EQ(validation.validation_code().value_or("").size(), 6u);

    EXPECT_EQ(client.webhooks().confirm(validation), "true");

    const test_http::Response fired = test_http::request(
        test_sandbox::base_url(), "POST", "/_sandbox/events",
        R"({"event_type": "video_ready", "data": {"video": {"token": "cpp-video"}}})");
    ASSERT_EQ(fired.status, 200) << fired.body;
    const std::vector<test_http::Request> all = test_sandbox::receiver().wait_for(path, 3, 10s);
    ASSERT_EQ(all.size(), 3u);
    const auto event = ziggeo::parse_delivery(all[2].body, all[2].content_type);
    EXPECT_EQ(event.kind(), ziggeo::Delivery::Kind::event);
    EXPECT_EQ(event.event_type(), "video_ready");
    EXPECT_NE(event.json().find("cpp-video"), std::string::npos) << event.json();

    EXPECT_EQ(client.webhooks().remove(url), "null");
}

TEST_F(SandboxTest, ConfirmByIdAndCode) {
    const ziggeo::Client client = make_client();
    const std::string id = client.webhooks().create(target("/cpp/by-code"), "json", {"video_ready"});
    const std::vector<test_http::Request> handshake = test_sandbox::receiver().wait_for("/cpp/by-code", 2, 10s);
    ASSERT_EQ(handshake.size(), 2u);
    const auto validation = ziggeo::parse_delivery(handshake[1].body, handshake[1].content_type);

    const std::string body = client.webhooks().confirm(id, validation.validation_code().value_or(""));

    EXPECT_EQ(body, "true");
}

INSTANTIATE_TEST_SUITE_P(Encodings, HandshakeTest, ::testing::Values("json", "jsonheader", "form"));

}  // namespace
