# frozen_string_literal: true

# A thin binding to libziggeo, a client for the Ziggeo server API's webhook
# calls and a parser for the deliveries Ziggeo POSTs to a webhook.
#
#   Libziggeo::Client.open(app_token, private_key) do |client|
#     id = client.webhooks.create(target_url: url, encoding: "json", events: %w[video_ready])
#   end
#   delivery = Libziggeo.parse_delivery(request.body.read, request.content_type)
#
# Every error raised is a Libziggeo::Error.
module Libziggeo
end

require_relative "libziggeo/version"
require_relative "libziggeo/native"
require_relative "libziggeo/errors"
require_relative "libziggeo/conversion"
require_relative "libziggeo/options"
require_relative "libziggeo/client"
require_relative "libziggeo/webhooks"
require_relative "libziggeo/delivery"
require_relative "libziggeo/compat"

module Libziggeo
  # Parses the body of a request Ziggeo POSTed to a webhook's target URL;
  # see Delivery.parse.
  def self.parse_delivery(body, content_type)
    Delivery.parse(body, content_type)
  end

  # Returns the version of the loaded libziggeo, such as "0.1.0".
  def self.library_version
    Native.ziggeo_version
  end
end
