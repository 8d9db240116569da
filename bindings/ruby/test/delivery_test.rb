# frozen_string_literal: true

require_relative "test_helper"

class DeliveryTest < SandboxTest
  %w[json jsonheader form].each do |encoding|
    define_method("test_handshake_parses_in_#{encoding}") do
      id, ping, validation = create_and_receive_handshake(encoding)
      stored = SANDBOX.webhooks.find { |webhook| webhook["id"] == id }

      assert_equal :ping, ping.kind
      assert ping.ping?
      assert_equal :validation, validation.kind
      assert_equal id, validation.webhook_id
      assert_equal stored["validation_code"].to_s, validation.validation_code
      assert_nil validation.event_type
    end

    define_method("test_event_parses_in_#{encoding}") do
      _id, _ping, validation = create_and_receive_handshake(encoding)
      client.webhooks.confirm_delivery(validation)
      data = { "video" => { "token" => "a b+c&d", "tags" => %w[x y] } }

      firing = Thread.new { SANDBOX.fire_event("video_ready", data) }
      event = parse(@receiver.accept)
      summary = firing.value

      assert_equal 1, summary["delivered"]
      assert event.event?
      assert_equal "video_ready", event.event_type
      assert_equal data, event.to_h["data"]
      assert_nil event.webhook_id
    end
  end

  def test_confirm_delivery_confirms_webhook
    id, _ping, validation = create_and_receive_handshake("form")

    body = client.webhooks.confirm_delivery(validation)

    assert_equal "true", body
    assert(SANDBOX.webhooks.find { |webhook| webhook["id"] == id }["confirmed"])
  end

  def test_confirm_delivery_rejects_ping
    _id, ping, = create_and_receive_handshake("json")

    error = assert_raises(Libziggeo::InvalidArgumentError) { client.webhooks.confirm_delivery(ping) }

    assert_equal :invalid_argument, error.status
  end

  def test_confirm_delivery_rejects_non_delivery
    error = assert_raises(Libziggeo::InvalidArgumentError) { client.webhooks.confirm_delivery("123456") }

    assert_includes error.message, "Libziggeo::Delivery"
  end

  def test_invalid_json_raises
    error = assert_raises(Libziggeo::InvalidDeliveryError) do
      Libziggeo.parse_delivery("{not json", "application/json; charset=UTF-8")
    end

    assert_equal :invalid_delivery, error.status
    assert_includes error.message, "json"
  end

  def test_empty_body_raises
    assert_raises(Libziggeo::InvalidDeliveryError) { Libziggeo.parse_delivery("", nil) }
  end

  def test_non_string_body_rejected
    error = assert_raises(Libziggeo::InvalidArgumentError) { Libziggeo.parse_delivery(nil, "application/json") }

    assert_includes error.message, "body"
  end

  def test_code_keeps_leading_zero
    body = '{"ziggeo_validation": true, "validation_code": "012345", "webhook_id": "abc"}'

    delivery = Libziggeo.parse_delivery(body, "application/json")

    assert_equal "012345", delivery.validation_code
    assert delivery.validation_code.frozen?
    assert_equal Encoding::UTF_8, delivery.json.encoding
  end
end
