# frozen_string_literal: true

require "json"
require "net/http"
require "timeout"

# One ziggeo-sandbox process on 127.0.0.1 for the whole test run, started
# from ZIGGEO_SANDBOX_BIN, with admin calls to its /_sandbox/ routes.
class Sandbox
  APP_TOKEN = "ruby-test-token"
  PRIVATE_KEY = "ruby-test-private-key-do-not-leak"

  attr_reader :base_url

  def self.instance
    @instance ||= new
  end

  def initialize
    binary = ENV.fetch("ZIGGEO_SANDBOX_BIN") do
      raise "ZIGGEO_SANDBOX_BIN is not set; run the tests with `make test-ruby`"
    end
    command = [binary, "--listen", "127.0.0.1:0", "--app", "#{APP_TOKEN}:#{PRIVATE_KEY}", "--quiet"]
    @process = IO.popen(command, "r")
    line = Timeout.timeout(30) { @process.gets }
    match = line&.match(%r{\Alistening on (http://127\.0\.0\.1:\d+)})
    raise "ziggeo-sandbox printed #{line.inspect} instead of its address" unless match

    @base_url = match[1]
    @uri = URI(@base_url)
  end

  def stop
    Process.kill("TERM", @process.pid)
    @process.close
  rescue Errno::ESRCH, Errno::ECHILD
    nil
  end

  def reset
    admin(:post, "/_sandbox/reset")
  end

  def webhooks
    admin(:get, "/_sandbox/webhooks").fetch("webhooks")
  end

  # Queues a fault such as {"path" => "/v1/api/hook", "action" => "delay", "delay_ms" => 2000}.
  def fault(spec)
    admin(:post, "/_sandbox/faults", spec)
  end

  # Sends an event to every confirmed webhook subscribed to it. The sandbox
  # responds only after every delivery, so call this from another thread
  # while the receiver accepts.
  def fire_event(event_type, data)
    admin(:post, "/_sandbox/events", { "event_type" => event_type, "data" => data })
  end

  def admin(method, path, body = nil)
    http = Net::HTTP.new(@uri.host, @uri.port, nil) # nil: no proxy, whatever the environment says
    http.read_timeout = 30
    request = method == :get ? Net::HTTP::Get.new(path) : Net::HTTP::Post.new(path)
    if body
      request["Content-Type"] = "application/json"
      request.body = JSON.generate(body)
    end
    response = http.request(request)
    raise "#{method.upcase} #{path} failed: HTTP #{response.code}: #{response.body}" unless response.code == "200"

    JSON.parse(response.body)
  end
end
