# frozen_string_literal: true

require "minitest/autorun"
require "libziggeo"
require_relative "support/sandbox"
require_relative "support/receiver"

SANDBOX = Sandbox.instance
Minitest.after_run { SANDBOX.stop }

# Shared setup: a clean sandbox and a client pointed at it.
class SandboxTest < Minitest::Test
  def setup
    SANDBOX.reset
    @receiver = Receiver.new
  end

  def teardown
    @client&.close
    @receiver.close
  end

  # A client for the sandbox. Proxy variables are ignored so that no call
  # leaves this machine.
  def client(**options)
    @client ||= new_client(**options)
  end

  def new_client(app_token: Sandbox::APP_TOKEN, private_key: Sandbox::PRIVATE_KEY, **options)
    Libziggeo::Client.new(app_token, private_key, base_url: SANDBOX.base_url, proxy_from_env: false, **options)
  end

  # Creates a webhook on the receiver and returns its id with the parsed
  # ping and validation deliveries.
  def create_and_receive_handshake(encoding, events: "video_ready")
    id = client.webhooks.create(target_url: @receiver.url, encoding: encoding, events: events)
    ping = @receiver.accept
    validation = @receiver.accept
    [id, parse(ping), parse(validation)]
  end

  def parse(request)
    Libziggeo.parse_delivery(request.body, request.content_type)
  end
end
