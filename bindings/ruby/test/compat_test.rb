# frozen_string_literal: true

require_relative "test_helper"

class CompatTest < SandboxTest
  def setup
    super
    @ziggeo = Libziggeo::Compat::Ziggeo.new(Sandbox::APP_TOKEN, Sandbox::PRIVATE_KEY, nil,
                                            base_url: SANDBOX.base_url, proxy_from_env: false)
  end

  def teardown
    @ziggeo.close
    super
  end

  def test_official_call_shapes
    id = @ziggeo.webhooks.create(target_url: @receiver.url, encoding: "json", events: "video_ready")
    @receiver.accept
    validation = parse(@receiver.accept)

    confirmed = @ziggeo.webhooks.confirm({ "webhook_id" => id, "validation_code" => validation.validation_code })
    deleted = @ziggeo.webhooks.delete("target_url" => @receiver.url)

    assert_match(/\A[0-9a-f]{32}\z/, id)
    assert_equal "true", confirmed
    assert_equal "null", deleted
  end

  def test_string_keys_and_default_encoding
    id = @ziggeo.webhooks.create({ "target_url" => @receiver.url, "events" => "video_ready" })

    assert_match(/\A[0-9a-f]{32}\z/, id)
  end

  def test_error_raises_instead_of_returning_body
    error = assert_raises(Libziggeo::HTTPError) { @ziggeo.webhooks.delete(target_url: @receiver.url("/none")) }

    assert_equal 404, error.http_status
  end

  def test_unknown_field_rejected
    error = assert_raises(Libziggeo::InvalidArgumentError) do
      @ziggeo.webhooks.create(target_url: @receiver.url, events: "video_ready", format: "json")
    end

    assert_includes error.message, "\"format\""
    assert_includes error.message, "target_url, events, encoding"
  end

  def test_non_hash_rejected
    error = assert_raises(Libziggeo::InvalidArgumentError) { @ziggeo.webhooks.delete(@receiver.url) }

    assert_includes error.message, "Hash"
  end

  def test_close_twice_and_inspect
    @ziggeo.close
    @ziggeo.close

    assert @ziggeo.client.closed?
    refute_includes @ziggeo.inspect, Sandbox::PRIVATE_KEY
  end
end
