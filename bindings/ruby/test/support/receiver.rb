# frozen_string_literal: true

require "socket"
require "timeout"

# A webhook target URL on 127.0.0.1 that the tests drive one request at a
# time: #accept waits for the next POST, responds 200 and returns it.
class Receiver
  Request = Struct.new(:path, :headers, :body) do
    def content_type
      headers["content-type"]
    end
  end

  def initialize
    @server = TCPServer.new("127.0.0.1", 0)
  end

  def url(path = "/webhook")
    "http://127.0.0.1:#{@server.addr[1]}#{path}"
  end

  def accept(timeout: 10)
    raise "no request reached the receiver within #{timeout} s" unless IO.select([@server], nil, nil, timeout)

    socket = @server.accept
    begin
      Timeout.timeout(timeout) { read_request(socket) }.tap do
        socket.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
      end
    ensure
      socket.close
    end
  end

  def close
    @server.close
  end

  private

  def read_request(socket)
    path = socket.gets("\r\n").split(" ")[1]
    headers = {}
    while (line = socket.gets("\r\n")) && line != "\r\n"
      name, value = line.chomp("\r\n").split(":", 2)
      headers[name.downcase] = value.strip
    end
    body = socket.read(Integer(headers.fetch("content-length", "0")))
    Request.new(path, headers, body)
  end
end
