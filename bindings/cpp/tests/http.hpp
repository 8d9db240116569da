// Plain-socket HTTP/1.1 for the tests: a client for the sandbox's admin
// routes and a receiver that plays a webhook's target URL. Loopback only.

#ifndef ZIGGEO_TEST_HTTP_HPP
#define ZIGGEO_TEST_HTTP_HPP

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace test_http {

struct Response {
    int status = 0;
    std::string body;
};

// One request that a Receiver took in.
struct Request {
    std::string path;
    std::string content_type;
    std::string body;
};

inline std::string lower(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return text;
}

// Returns the value of header `name` (lower case) in `head`, or "".
inline std::string header(const std::string& head, const std::string& name) {
    const std::string lowered = lower(head);
    const std::size_t at = lowered.find("\r\n" + name + ":");
    if (at == std::string::npos) {
        return "";
    }
    std::size_t start = at + name.size() + 3;
    while (start < head.size() && head[start] == ' ') {
        ++start;
    }
    return head.substr(start, head.find("\r\n", start) - start);
}

// Returns the port of a base URL such as "http://127.0.0.1:8080".
inline std::uint16_t port_of(const std::string& base_url) {
    return static_cast<std::uint16_t>(std::stoi(base_url.substr(base_url.rfind(':') + 1)));
}

inline int connect_loopback(std::uint16_t port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        if (fd >= 0) {
            ::close(fd);
        }
        throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
    }
    return fd;
}

inline void send_all(int fd, const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            throw std::runtime_error("send failed");
        }
        sent += static_cast<std::size_t>(n);
    }
}

// Sends one request with "Connection: close" to 127.0.0.1 at the port of
// `base_url` and reads the response to the end.
inline Response request(const std::string& base_url, const std::string& method, const std::string& path,
                        const std::string& body = "") {
    const int fd = connect_loopback(port_of(base_url));
    send_all(fd, method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                     "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                     "\r\n\r\n" + body);
    std::string raw;
    char buffer[4096];
    ssize_t n;
    while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) {
        raw.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);

    const std::size_t end = raw.find("\r\n\r\n");
    if (raw.size() < 12 || end == std::string::npos) {
        throw std::runtime_error("no HTTP response from " + base_url + path);
    }
    return Response{std::stoi(raw.substr(9, 3)), raw.substr(end + 4)};
}

// Listens on 127.0.0.1 and responds to every request with 200, keeping what it
// received, as a webhook's target URL does.
class Receiver {
public:
    Receiver() {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::listen(listener_, 16) != 0 ||
            ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
            throw std::runtime_error("cannot listen on 127.0.0.1");
        }
        port_ = ntohs(address.sin_port);
        thread_ = std::thread([this] { serve(); });
    }

    Receiver(const Receiver&) = delete;
    Receiver& operator=(const Receiver&) = delete;

    ~Receiver() {
        stop_ = true;
        thread_.join();
        ::close(listener_);
    }

    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }

    // Waits until `count` requests to `path` arrived or `timeout` passed;
    // returns those that arrived, oldest first.
    std::vector<Request> wait_for(const std::string& path, std::size_t count, std::chrono::milliseconds timeout) {
        std::unique_lock<std::mutex> lock(mutex_);
        std::vector<Request> matching;
        arrived_.wait_for(lock, timeout, [&] {
            matching.clear();
            for (const Request& request : requests_) {
                if (request.path == path) {
                    matching.push_back(request);
                }
            }
            return matching.size() >= count;
        });
        return matching;
    }

private:
    void serve() {
        while (!stop_) {
            pollfd watched{listener_, POLLIN, 0};
            if (::poll(&watched, 1, 50) <= 0) {
                continue;
            }
            const int fd = ::accept(listener_, nullptr, nullptr);
            if (fd >= 0) {
                handle(fd);
                ::close(fd);
            }
        }
    }

    void handle(int fd) {
        std::string raw;
        char buffer[4096];
        std::size_t end = std::string::npos;
        while (end == std::string::npos) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                return;
            }
            raw.append(buffer, static_cast<std::size_t>(n));
            end = raw.find("\r\n\r\n");
        }
        const std::string head = raw.substr(0, end);
        const std::string length_text = header(head, "content-length");
        const std::size_t length = length_text.empty() ? 0 : std::stoul(length_text);
        while (raw.size() < end + 4 + length) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                return;
            }
            raw.append(buffer, static_cast<std::size_t>(n));
        }
        send_all(fd, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");

        std::lock_guard<std::mutex> lock(mutex_);
        const std::size_t path_start = head.find(' ') + 1;
        const std::string path = head.substr(path_start, head.find(' ', path_start) - path_start);
        requests_.push_back(Request{path, header(head, "content-type"), raw.substr(end + 4, length)});
        arrived_.notify_all();
    }

    int listener_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<Request> requests_;
};

}  // namespace test_http

#endif  // ZIGGEO_TEST_HTTP_HPP
