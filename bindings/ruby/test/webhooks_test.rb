# frozen_string_literal: true

require_relative "test_helper"

class WebhooksTest < SandboxTest
  def stored(id)
    SANDBOX.webhooks.find { |webhook| webhook["id"] == id }
  end

  def test_create_returns_webhook_id
    id = client.webhooks.create(target_url: @receiver.url, encoding: "form", events: %w[video_ready video_delete])

    assert_match(/\A[0-9a-f]{32}\z/, id)
    webhook = stored(id)
    refute_nil webhook
    assert_equal @receiver.url, webhook["target_url"]
    assert_equal "form", webhook["encoding"]
    assert_equal %w[video_ready video_delete], webhook["events"]
  end

  def test_confirm_with_code_from_validation
    id, _ping, validation = create_and_receive_handshake("json")

    body = client.webhooks.confirm(webhook_id: id, validation_code: validation.validation_code)

    assert_equal "true", body
    assert stored(id)["confirmed"]
  end

  def test_confirm_accepts_integer_code
    id, _ping, validation = create_and_receive_handshake("json")

    body = client.webhooks.confirm(webhook_id: id, validation_code: Integer(validation.validation_code, 10))

    assert_equal "true", body
  end

  def test_delete_removes_every_webhook_of_url
    2.times { client.webhooks.create(target_url: @receiver.url, events: "video_ready") }

    body = client.webhooks.delete(target_url: @receiver.url)

    assert_equal "null", body
    assert_empty(SANDBOX.webhooks.select { |webhook| webhook["target_url"] == @receiver.url })
  end

  def test_delete_unknown_url_raises_not_found
    error = assert_raises(Libziggeo::HTTPError) { client.webhooks.delete(target_url: @receiver.url("/none")) }

    assert_equal 404, error.http_status
    assert_includes error.body, "/none"
  end

  def test_invalid_encoding_is_not_sent
    before = SANDBOX.admin(:get, "/_sandbox/requests").fetch("total")

    error = assert_raises(Libziggeo::InvalidArgumentError) do
      client.webhooks.create(target_url: @receiver.url, encoding: "xml", events: "video_ready")
    end

    assert_equal :invalid_argument, error.status
    assert_includes error.message, "encoding"
    assert_equal before, SANDBOX.admin(:get, "/_sandbox/requests").fetch("total")
  end
end
