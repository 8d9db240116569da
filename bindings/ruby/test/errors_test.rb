# frozen_string_literal: true

require_relative "test_helper"

class ErrorsTest < SandboxTest
  def test_dns_and_tls_errors_are_connection_errors
    # `rescue Libziggeo::ConnectionError` catches them, as in the other bindings.
    assert_operator Libziggeo::DNSError, :<, Libziggeo::ConnectionError
    assert_operator Libziggeo::TLSError, :<, Libziggeo::ConnectionError
  end

  def test_wrong_validation_code_raises_400
    id, = create_and_receive_handshake("json")

    error = assert_raises(Libziggeo::HTTPError) do
      client.webhooks.confirm(webhook_id: id, validation_code: "0000000")
    end

    assert_equal :http, error.status
    assert_equal 400, error.http_status
    assert_includes error.body, "wrong validation_code"
    assert_includes error.message, "400"
    refute error.outcome_unknown?
  end

  def test_wrong_private_key_raises_401
    bad_key = "wrong-private-key-must-stay-secret"
    client = new_client(private_key: bad_key)

    error = assert_raises(Libziggeo::HTTPError) do
      client.webhooks.create(target_url: @receiver.url, events: "video_ready")
    end

    assert_equal 401, error.http_status
    assert_includes error.body, "unauthorized"
    refute_includes error.message, bad_key
    refute_includes error.inspect, bad_key
    refute_includes client.inspect, bad_key
  ensure
    client&.close
  end

  def test_delay_fault_raises_timeout
    SANDBOX.fault({ "path" => "/v1/api/hook", "action" => "delay", "delay_ms" => 3000 })
    client = new_client(timeout: 0.5)

    error = assert_raises(Libziggeo::TimeoutError) do
      client.webhooks.create(target_url: @receiver.url, events: "video_ready")
    end

    assert_equal :timeout, error.status
    assert_nil error.http_status
    assert error.outcome_unknown?, "a create that timed out after sending may have registered the webhook"
  ensure
    client&.close
  end

  def test_nul_byte_rejected
    error = assert_raises(Libziggeo::InvalidArgumentError) do
      client.webhooks.delete(target_url: "http://127.0.0.1/a\0b")
    end

    assert_includes error.message, "target_url"
    assert_includes error.message, "NUL"
  end

  def test_non_string_argument_rejected
    error = assert_raises(Libziggeo::InvalidArgumentError) { client.webhooks.delete(target_url: 42) }

    assert_includes error.message, "target_url"
    assert_includes error.message, "Integer"
  end

  def test_missing_argument_named
    error = assert_raises(Libziggeo::InvalidArgumentError) do
      client.webhooks.confirm(webhook_id: nil, validation_code: "123456")
    end

    assert_includes error.message, "webhook_id"
  end

  def test_unknown_option_rejected
    error = assert_raises(Libziggeo::InvalidArgumentError) { new_client(read_timeout: 5) }

    assert_includes error.message, ":read_timeout"
  end

  def test_tiny_timeout_rounds_up
    # 0.1 ms must not round to 0, which the library rejects.
    new_client(timeout: 0.0001).close
  end

  def test_invalid_timeout_rejected
    [-1, 0, "5", Float::NAN, Float::INFINITY, 1e30].each do |value|
      error = assert_raises(Libziggeo::InvalidArgumentError, "timeout #{value.inspect}") { new_client(timeout: value) }
      assert_includes error.message, "timeout"
    end
  end

  def test_invalid_base_url_rejected
    error = assert_raises(Libziggeo::InvalidArgumentError) do
      Libziggeo::Client.new(Sandbox::APP_TOKEN, Sandbox::PRIVATE_KEY, base_url: "not a url")
    end

    assert_equal :invalid_argument, error.status
    refute_includes error.message, Sandbox::PRIVATE_KEY
  end
end
