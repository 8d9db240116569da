# frozen_string_literal: true

require_relative "test_helper"

class ClientTest < SandboxTest
  def test_close_twice_is_harmless
    client = new_client

    assert_nil client.close
    assert_nil client.close
    assert client.closed?
  end

  def test_call_after_close_raises
    client = new_client
    client.close

    error = assert_raises(Libziggeo::ClosedError) { client.webhooks.delete(target_url: @receiver.url) }

    assert_kind_of Libziggeo::InvalidArgumentError, error
    assert_includes error.message, "closed"
  end

  def test_open_block_closes_client
    opened = nil

    result = Libziggeo::Client.open(Sandbox::APP_TOKEN, Sandbox::PRIVATE_KEY, base_url: SANDBOX.base_url) do |client|
      opened = client
      :block_value
    end

    assert_equal :block_value, result
    assert opened.closed?
  end

  def test_open_block_closes_on_raise
    opened = nil

    assert_raises(RuntimeError) do
      Libziggeo::Client.open(Sandbox::APP_TOKEN, Sandbox::PRIVATE_KEY, base_url: SANDBOX.base_url) do |client|
        opened = client
        raise "boom"
      end
    end

    assert opened.closed?
  end

  def test_close_waits_for_call_in_flight
    SANDBOX.fault({ "path" => "/v1/api/removehook", "action" => "delay", "delay_ms" => 500 })
    client = new_client

    call = Thread.new do
      client.webhooks.delete(target_url: @receiver.url)
    rescue Libziggeo::HTTPError => e
      e
    end
    sleep 0.1 until SANDBOX.admin(:get, "/_sandbox/requests").fetch("total").positive? || !call.alive?
    client.close

    assert client.closed?
    assert_kind_of Libziggeo::HTTPError, call.value
  end

  def test_shared_between_threads
    urls = (1..4).map { |n| @receiver.url("/thread-#{n}") }

    errors = urls.map { |url| Thread.new { client.webhooks.delete(target_url: url) rescue $! } }.map(&:value)

    errors.each_with_index do |error, index|
      assert_kind_of Libziggeo::HTTPError, error
      assert_includes error.body, urls[index]
    end
  end

  def test_inspect_hides_private_key
    client = new_client

    refute_includes client.inspect, Sandbox::PRIVATE_KEY
    refute_includes client.webhooks.inspect, Sandbox::PRIVATE_KEY
    client.instance_variables.each do |name|
      refute_includes client.instance_variable_get(name).inspect, Sandbox::PRIVATE_KEY, name.to_s
    end
  ensure
    client&.close
  end

  def test_library_version
    assert_match(/\A\d+\.\d+\.\d+/, Libziggeo.library_version)
  end
end
