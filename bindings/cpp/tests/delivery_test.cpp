// Parsing webhook deliveries in each encoding, without a server.

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "fixture.hpp"
#include "ziggeo.hpp"

namespace {

const char* const kJson = "application/json";
const char* const kForm = "application/x-www-form-urlencoded";

TEST(Delivery, JsonPing) {
    const auto delivery = ziggeo::parse_delivery(R"({"ziggeo_validation": true, "message": "check"})", kJson);

    EXPECT_EQ(delivery.kind(), ziggeo::Delivery::Kind::ping);
    EXPECT_EQ(delivery.event_type(), std::nullopt);
    EXPECT_EQ(delivery.webhook_id(), std::nullopt);
}

TEST(Delivery, JsonValidationKeepsLeadingZero) {
    const auto delivery = ziggeo::parse_delivery(
        R"({"ziggeo_validation": true, "validation_code": "012345", "webhook_id": "abc123"})", kJson);

    EXPECT_EQ(delivery.kind(), ziggeo::Delivery::Kind::validation);
    EXPECT_EQ(delivery.webhook_id(), "abc123");
    EXPECT_EQ(delivery.validation_code(), "012345");
}

TEST(Delivery, JsonEvent) {
    const auto delivery = ziggeo::parse_delivery(
        R"({"event_type": "video_ready", "data": {"video": {"token": "v1"}}})", "application/json; charset=UTF-8");

    EXPECT_EQ(delivery.kind(), ziggeo::Delivery::Kind::event);
    EXPECT_EQ(delivery.event_type(), "video_ready");
    EXPECT_NE(delivery.json().find(R"("token":"v1")"), std::string::npos) << delivery.json();
}

TEST(Delivery, FormEventWithNestedKeys) {
    const auto delivery =
        ziggeo::parse_delivery("event_type=video_ready&data%5Bvideo%5D%5Btoken%5D=v2", kForm);

    EXPECT_EQ(delivery.kind(), ziggeo::Delivery::Kind::event);
    EXPECT_EQ(delivery.event_type(), "video_ready");
    EXPECT_NE(delivery.json().find(R"("token":"v2")"), std::string::npos) << delivery.json();
}

TEST(Delivery, FormValidation) {
    const auto delivery =
        ziggeo::parse_delivery("ziggeo_validation=true&validation_code=482913&webhook_id=def456", kForm);

    EXPECT_EQ(delivery.kind(), ziggeo::Delivery::Kind::validation);
    EXPECT_EQ(delivery.webhook_id(), "def456");
    EXPECT_EQ(delivery.validation_code(), "482913");
}

TEST(Delivery, JsonHeaderFormWithJsonField) {
    // The jsonheader encoding: a form whose field contains the delivery as JSON.
    const auto delivery = ziggeo::parse_delivery(
        "json=%7B%22event_type%22%3A%22video_delete%22%2C%22data%22%3A%7B%22video%22%3A%7B%22token%22%3A%22v3%22%7D%7D%7D",
        kForm);

    EXPECT_EQ(delivery.kind(), ziggeo::Delivery::Kind::event);
    EXPECT_EQ(delivery.event_type(), "video_delete");
    EXPECT_NE(delivery.json().find(R"("token":"v3")"), std::string::npos) << delivery.json();
}

TEST(Delivery, MissingContentTypeIsSniffed) {
    const auto delivery = ziggeo::parse_delivery(R"({"event_type": "video_create", "data": {}})", std::nullopt);

    EXPECT_EQ(delivery.event_type(), "video_create");
}

TEST(Delivery, BodyWithNulBytesIsPassedWhole) {
    const std::string body("{\"event_type\": \"video_ready\"}\0trailing", 38);

    EXPECT_THROW(ziggeo::parse_delivery(body, kJson), ziggeo::InvalidDeliveryError);
}

TEST(Delivery, InvalidBodyThrows) {
    try {
        ziggeo::parse_delivery("{not json", kJson);
        ADD_FAILURE() << "parse returned for an invalid body";
    } catch (const ziggeo::InvalidDeliveryError& error) {
        EXPECT_EQ(error.status(), ziggeo::Status::invalid_delivery);
        EXPECT_NE(std::string(error.what()).find("json"), std::string::npos) << error.what();
    }
}

TEST(Delivery, MovedFromDeliveryThrows) {
    auto delivery = ziggeo::parse_delivery(R"({"ziggeo_validation": true, "message": "check"})", kJson);
    const auto moved = std::move(delivery);

    EXPECT_EQ(moved.kind(), ziggeo::Delivery::Kind::ping);
    EXPECT_THROW(delivery.kind(), ziggeo::InvalidArgumentError);  // NOLINT(bugprone-use-after-move)
}

class ConfirmDeliveryTest : public SandboxTest {};

TEST_F(ConfirmDeliveryTest, PingIsNotConfirmable) {
    const ziggeo::Client client = make_client();
    const auto ping = ziggeo::parse_delivery(R"({"ziggeo_validation": true, "message": "check"})", kJson);

    EXPECT_THROW(client.webhooks().confirm(ping), ziggeo::InvalidArgumentError);
}

}  // namespace
