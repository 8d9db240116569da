// ziggeo.hpp: a header-only C++17 wrapper over the C API in ziggeo.h.
//
// It adds RAII ownership, exceptions and standard types, and nothing else:
// argument checks, retries, timeouts and parsing all happen in libziggeo.
//
// Ownership: ziggeo::Client and ziggeo::Delivery own their native handles
// and free them in their destructors. Both are move-only, and an object that
// has been moved from may still be destroyed or assigned to. Every string
// that libziggeo returns is copied into a std::string and freed at once.
//
// Errors: every failed call throws a subclass of ziggeo::Error, which derives
// from std::runtime_error and carries the status, the HTTP status and the
// response body. No call reports failure any other way.
//
// Threads: one Client may be shared by many threads, which may call its
// webhook methods at the same time. close(), assignment and destruction must
// not run while another thread uses the same client. A Delivery is immutable
// and may be read from several threads.

#ifndef ZIGGEO_HPP
#define ZIGGEO_HPP

#include <ziggeo.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ziggeo {

// The status of a failed call, with the numbers of ZiggeoStatus.
enum class Status : int {
    ok = ZIGGEO_STATUS_OK,
    invalid_argument = ZIGGEO_STATUS_INVALID_ARGUMENT,
    http = ZIGGEO_STATUS_HTTP,
    timeout = ZIGGEO_STATUS_TIMEOUT,
    connection = ZIGGEO_STATUS_CONNECTION,
    dns = ZIGGEO_STATUS_DNS,
    tls = ZIGGEO_STATUS_TLS,
    invalid_response = ZIGGEO_STATUS_INVALID_RESPONSE,
    invalid_delivery = ZIGGEO_STATUS_INVALID_DELIVERY,
    internal = ZIGGEO_STATUS_INTERNAL,
};

// The base of every exception this wrapper throws. what() is libziggeo's
// message, which names the failed value and never contains the private key.
class Error : public std::runtime_error {
public:
    Error(Status status, const std::string& message, int http_status = 0, std::string body = {},
          bool outcome_unknown = false)
        : std::runtime_error(message),
          status_(status),
          http_status_(http_status),
          body_(std::move(body)),
          outcome_unknown_(outcome_unknown) {}

    Status status() const noexcept { return status_; }

    // The HTTP status of an HttpError, or 0 for every other error.
    int http_status() const noexcept { return http_status_; }

    // The response body of an HttpError (at most 64 KiB), or empty.
    const std::string& body() const noexcept { return body_; }

    // True when the request may have reached the server and taken effect,
    // so a create that failed this way may still have registered the webhook.
    bool outcome_unknown() const noexcept { return outcome_unknown_; }

private:
    Status status_;
    int http_status_;
    std::string body_;
    bool outcome_unknown_;
};

// An argument was invalid, or the client was closed, so nothing was sent.
class InvalidArgumentError : public Error {
    using Error::Error;
};

// The server responded with an HTTP status outside 2xx.
class HttpError : public Error {
    using Error::Error;
};

// The call timed out.
class TimeoutError : public Error {
    using Error::Error;
};

// The connection could not be made or broke during the exchange.
class ConnectionError : public Error {
    using Error::Error;
};

// A host name could not be resolved.
class DnsError : public ConnectionError {
    using ConnectionError::ConnectionError;
};

// The TLS handshake failed, for example on an untrusted certificate.
class TlsError : public ConnectionError {
    using ConnectionError::ConnectionError;
};

// The server's response was not usable HTTP, or too large.
class InvalidResponseError : public Error {
    using Error::Error;
};

// A webhook delivery body could not be parsed.
class InvalidDeliveryError : public Error {
    using Error::Error;
};

// A bug in libziggeo, such as a caught panic.
class InternalError : public Error {
    using Error::Error;
};

namespace detail {

struct ErrorDeleter {
    void operator()(ZiggeoError* error) const noexcept { ziggeo_error_free(error); }
};

struct StringDeleter {
    void operator()(char* string) const noexcept { ziggeo_string_free(string); }
};

struct OptionsDeleter {
    void operator()(ZiggeoOptions* options) const noexcept { ziggeo_options_free(options); }
};

// Throws the exception for `status`, taking ownership of `raw`, which may be
// NULL when libziggeo could not allocate the error object.
[[noreturn]] inline void throw_error(ZiggeoStatus status, ZiggeoError* raw) {
    std::unique_ptr<ZiggeoError, ErrorDeleter> error(raw);
    const char* message = error ? ziggeo_error_message(error.get()) : nullptr;
    const std::string text = message ? message : ziggeo_status_message(status);
    const char* body_text = error ? ziggeo_error_body(error.get()) : nullptr;
    const std::string body = body_text ? body_text : "";
    const int http_status = error ? ziggeo_error_http_status(error.get()) : 0;
    const bool unknown = error && ziggeo_error_outcome_unknown(error.get());
    const auto code = static_cast<Status>(status);

    switch (status) {
    case ZIGGEO_STATUS_INVALID_ARGUMENT:
        throw InvalidArgumentError(code, text, http_status, body, unknown);
    case ZIGGEO_STATUS_HTTP:
        throw HttpError(code, text, http_status, body, unknown);
    case ZIGGEO_STATUS_TIMEOUT:
        throw TimeoutError(code, text, http_status, body, unknown);
    case ZIGGEO_STATUS_CONNECTION:
        throw ConnectionError(code, text, http_status, body, unknown);
    case ZIGGEO_STATUS_DNS:
        throw DnsError(code, text, http_status, body, unknown);
    case ZIGGEO_STATUS_TLS:
        throw TlsError(code, text, http_status, body, unknown);
    case ZIGGEO_STATUS_INVALID_RESPONSE:
        throw InvalidResponseError(code, text, http_status, body, unknown);
    case ZIGGEO_STATUS_INVALID_DELIVERY:
        throw InvalidDeliveryError(code, text, http_status, body, unknown);
    default:
        throw InternalError(code, text, http_status, body, unknown);
    }
}

// Throws for a failed status. `error` is taken by reference so that it is
// read only after the call that fills it, whatever order the arguments of
// check(call(&error), error) are evaluated in.
inline void check(ZiggeoStatus status, ZiggeoError*& error) {
    if (status != ZIGGEO_STATUS_OK) {
        throw_error(status, error);
    }
}

// Copies an owned string from libziggeo and frees it.
inline std::string take_string(char* raw) {
    std::unique_ptr<char, StringDeleter> owned(raw);
    return owned ? std::string(owned.get()) : std::string();
}

// Copies `value` into a NUL-terminated string. A NUL byte inside it would
// silently cut the value short in C, so it is rejected here.
inline std::string c_string(std::string_view value, const char* parameter) {
    if (value.find('\0') != std::string_view::npos) {
        throw InvalidArgumentError(Status::invalid_argument,
                                   std::string("invalid ") + parameter +
                                       ": it contains a NUL byte; pass text without NUL bytes");
    }
    return std::string(value);
}

// Converts a duration to whole milliseconds for the C API, rejecting a
// negative one, which the unsigned C parameter cannot carry.
inline std::uint64_t to_milliseconds(std::chrono::milliseconds value, const char* parameter) {
    if (value.count() < 0) {
        throw InvalidArgumentError(Status::invalid_argument,
                                   std::string("invalid ") + parameter + ": it is negative (" +
                                       std::to_string(value.count()) + " ms); pass a positive duration");
    }
    return static_cast<std::uint64_t>(value.count());
}

}  // namespace detail

// Client options. An unset field keeps libziggeo's default: the application
// token's region, a 60 s timeout per call, a 10 s connect timeout, 3 retries,
// the libziggeo user agent, no extra CA bundle and proxy variables honoured.
struct Options {
    // Base URL such as "http://127.0.0.1:8080" for the sandbox.
    std::optional<std::string> base_url;
    // Limit on a whole call, retries and waits included.
    std::optional<std::chrono::milliseconds> timeout;
    // Limit on establishing a connection, TLS included.
    std::optional<std::chrono::milliseconds> connect_timeout;
    // How often a failed attempt may be repeated where that cannot duplicate work.
    std::optional<std::uint32_t> max_retries;
    // User-Agent header.
    std::optional<std::string> user_agent;
    // PEM file of CA certificates trusted in addition to the system's.
    std::optional<std::string> ca_bundle;
    // Whether HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY apply.
    std::optional<bool> proxy_from_env;
};

class Client;

// A parsed webhook delivery: what Ziggeo POSTed to a webhook's target URL.
// It owns its native handle and is move-only. It is immutable, so several
// threads may read it at once.
class Delivery {
public:
    enum class Kind {
        // The reachability ping after create. Respond to it with HTTP 200.
        ping = ZIGGEO_DELIVERY_KIND_PING,
        // The validation call. Respond with HTTP 200, then confirm it with
        // client.webhooks().confirm(delivery).
        validation = ZIGGEO_DELIVERY_KIND_VALIDATION,
        // An event such as video_ready.
        event = ZIGGEO_DELIVERY_KIND_EVENT,
    };

    // Parses a request body. `content_type` is the request's Content-Type
    // header, or std::nullopt when it had none. Throws InvalidDeliveryError
    // for a body that is not a delivery.
    static Delivery parse(std::string_view body, std::optional<std::string_view> content_type) {
        std::string type;
        if (content_type) {
            type = detail::c_string(*content_type, "content_type");
        }
        ZiggeoDelivery* raw = nullptr;
        ZiggeoError* error = nullptr;
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(body.data());
        detail::check(ziggeo_delivery_parse(content_type ? type.c_str() : nullptr, bytes, body.size(), &raw, &error),
                      error);
        return Delivery(raw);
    }

    Delivery(Delivery&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}

    Delivery& operator=(Delivery&& other) noexcept {
        if (this != &other) {
            ziggeo_delivery_free(handle_);
            handle_ = std::exchange(other.handle_, nullptr);
        }
        return *this;
    }

    Delivery(const Delivery&) = delete;
    Delivery& operator=(const Delivery&) = delete;

    ~Delivery() { ziggeo_delivery_free(handle_); }

    // Throws InvalidArgumentError on a moved-from delivery.
    Kind kind() const {
        const ZiggeoDeliveryKind kind = ziggeo_delivery_kind(live());
        return static_cast<Kind>(kind);
    }

    // The event type of an event, such as "video_ready".
    std::optional<std::string> event_type() const { return copy(ziggeo_delivery_event_type(live())); }

    // The webhook id of a validation call.
    std::optional<std::string> webhook_id() const { return copy(ziggeo_delivery_webhook_id(live())); }

    // The validation code of a validation call, as the digits sent ("012345").
    std::optional<std::string> validation_code() const { return copy(ziggeo_delivery_validation_code(live())); }

    // The whole delivery normalised to one JSON document.
    std::string json() const {
        char* raw = nullptr;
        ZiggeoError* error = nullptr;
        detail::check(ziggeo_delivery_json(live(), &raw, &error), error);
        return detail::take_string(raw);
    }

    // The borrowed native handle, or NULL after a move.
    const ZiggeoDelivery* native_handle() const noexcept { return handle_; }

private:
    explicit Delivery(ZiggeoDelivery* handle) noexcept : handle_(handle) {}

    const ZiggeoDelivery* live() const {
        if (handle_ == nullptr) {
            throw InvalidArgumentError(Status::invalid_argument,
                                       "invalid delivery: it was moved from; use the delivery it was moved to");
        }
        return handle_;
    }

    static std::optional<std::string> copy(const char* value) {
        return value ? std::optional<std::string>(value) : std::nullopt;
    }

    ZiggeoDelivery* handle_;
};

// Parses a request body that Ziggeo POSTed to a webhook, as Delivery::parse does.
inline Delivery parse_delivery(std::string_view body, std::optional<std::string_view> content_type) {
    return Delivery::parse(body, content_type);
}

// The webhook calls of one client: a borrowed view that must not outlive
// the client, and is as thread-safe as the client.
class Webhooks {
public:
    // Registers a webhook and returns the response body, the webhook id.
    // `encoding` is "json", "jsonheader" or "form", or std::nullopt for the
    // server's default. `events` are event names such as "video_ready".
    // A create is never sent twice. When a failure leaves open whether it
    // reached the server, the error's outcome_unknown() is true.
    std::string create(std::string_view target_url, std::optional<std::string_view> encoding,
                       const std::vector<std::string>& events) const;

    // Confirms a webhook with the validation code sent to its target URL.
    std::string confirm(std::string_view webhook_id, std::string_view validation_code) const;

    // Confirms the webhook named in a parsed validation delivery. Throws
    // InvalidArgumentError when the delivery is not a validation call.
    std::string confirm(const Delivery& delivery) const;

    // Removes every webhook whose target URL is exactly `target_url`.
    std::string remove(std::string_view target_url) const;

private:
    friend class Client;
    explicit Webhooks(const Client& client) noexcept : client_(&client) {}

    const Client* client_;
};

// A client of the Ziggeo server API for one application. Move-only; the
// destructor frees the native client and zeroes the private key.
class Client {
public:
    // Creates a client; nothing is sent over the network. Throws
    // InvalidArgumentError for an empty token or key or a bad option.
    Client(std::string_view app_token, std::string_view private_key, const Options& options = {}) {
        const std::string token = detail::c_string(app_token, "app_token");
        const std::string key = detail::c_string(private_key, "private_key");
        std::unique_ptr<ZiggeoOptions, detail::OptionsDeleter> native(ziggeo_options_new());
        apply(native.get(), options);

        ZiggeoError* error = nullptr;
        detail::check(ziggeo_client_new(token.c_str(), key.c_str(), native.get(), &handle_, &error), error);
    }

    Client(Client&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}

    Client& operator=(Client&& other) noexcept {
        if (this != &other) {
            close();
            handle_ = std::exchange(other.handle_, nullptr);
        }
        return *this;
    }

    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    ~Client() { close(); }

    // Frees the native client now. Later calls throw InvalidArgumentError;
    // closing again does nothing.
    void close() noexcept { ziggeo_client_free(std::exchange(handle_, nullptr)); }

    bool is_closed() const noexcept { return handle_ == nullptr; }

    Webhooks webhooks() const noexcept { return Webhooks(*this); }

    // The borrowed native handle, or NULL once closed or moved from.
    const ZiggeoClient* native_handle() const noexcept { return handle_; }

private:
    friend class Webhooks;

    static void apply(ZiggeoOptions* native, const Options& options) {
        ZiggeoError* error = nullptr;
        if (options.base_url) {
            const std::string url = detail::c_string(*options.base_url, "base_url");
            detail::check(ziggeo_options_set_base_url(native, url.c_str(), &error), error);
        }
        if (options.timeout) {
            const std::uint64_t ms = detail::to_milliseconds(*options.timeout, "timeout");
            detail::check(ziggeo_options_set_timeout_ms(native, ms, &error), error);
        }
        if (options.connect_timeout) {
            const std::uint64_t ms = detail::to_milliseconds(*options.connect_timeout, "connect_timeout");
            detail::check(ziggeo_options_set_connect_timeout_ms(native, ms, &error), error);
        }
        if (options.max_retries) {
            detail::check(ziggeo_options_set_max_retries(native, *options.max_retries, &error), error);
        }
        if (options.user_agent) {
            const std::string agent = detail::c_string(*options.user_agent, "user_agent");
            detail::check(ziggeo_options_set_user_agent(native, agent.c_str(), &error), error);
        }
        if (options.ca_bundle) {
            const std::string path = detail::c_string(*options.ca_bundle, "ca_bundle");
            detail::check(ziggeo_options_set_ca_bundle(native, path.c_str(), &error), error);
        }
        if (options.proxy_from_env) {
            detail::check(ziggeo_options_set_proxy_from_env(native, *options.proxy_from_env, &error), error);
        }
    }

    const ZiggeoClient* live() const {
        if (handle_ == nullptr) {
            throw InvalidArgumentError(Status::invalid_argument,
                                       "invalid client: it is closed or was moved from; create a new client");
        }
        return handle_;
    }

    ZiggeoClient* handle_ = nullptr;
};

inline std::string Webhooks::create(std::string_view target_url, std::optional<std::string_view> encoding,
                                    const std::vector<std::string>& events) const {
    const std::string url = detail::c_string(target_url, "target_url");
    std::string encoding_text;
    if (encoding) {
        encoding_text = detail::c_string(*encoding, "encoding");
    }
    // The C API takes the event names as one comma-separated list.
    std::string joined;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (i > 0) {
            joined += ',';
        }
        joined += detail::c_string(events[i], "events");
    }

    char* body = nullptr;
    ZiggeoError* error = nullptr;
    const ZiggeoStatus status = ziggeo_webhooks_create(client_->live(), url.c_str(),
                                                       encoding ? encoding_text.c_str() : nullptr, joined.c_str(),
                                                       &body, &error);
    detail::check(status, error);
    return detail::take_string(body);
}

inline std::string Webhooks::confirm(std::string_view webhook_id, std::string_view validation_code) const {
    const std::string id = detail::c_string(webhook_id, "webhook_id");
    const std::string code = detail::c_string(validation_code, "validation_code");

    char* body = nullptr;
    ZiggeoError* error = nullptr;
    detail::check(ziggeo_webhooks_confirm(client_->live(), id.c_str(), code.c_str(), &body, &error), error);
    return detail::take_string(body);
}

inline std::string Webhooks::confirm(const Delivery& delivery) const {
    char* body = nullptr;
    ZiggeoError* error = nullptr;
    const ZiggeoStatus status =
        ziggeo_webhooks_confirm_delivery(client_->live(), delivery.native_handle(), &body, &error);
    detail::check(status, error);
    return detail::take_string(body);
}

inline std::string Webhooks::remove(std::string_view target_url) const {
    const std::string url = detail::c_string(target_url, "target_url");

    char* body = nullptr;
    ZiggeoError* error = nullptr;
    detail::check(ziggeo_webhooks_delete(client_->live(), url.c_str(), &body, &error), error);
    return detail::take_string(body);
}

// The version of the loaded library, such as "0.1.0".
inline std::string version() { return ziggeo_version(); }

}  // namespace ziggeo

#endif  // ZIGGEO_HPP
