// Parity client for tests/parity/check.sh: the three webhook calls through
// the C++ binding, with the arguments that check.sh puts in the environment.

#include <ziggeo.hpp>

#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr) {
        throw std::runtime_error(std::string(name) + " is not set; run this through tests/parity/check.sh");
    }
    return value;
}

std::vector<std::string> split_events(const std::string& list) {
    std::vector<std::string> events;
    std::istringstream stream(list);
    for (std::string event; std::getline(stream, event, ',');) {
        events.push_back(event);
    }
    return events;
}

}  // namespace

int main() {
    try {
        ziggeo::Options options;
        options.base_url = env("ZIGGEO_PARITY_BASE_URL");
        const ziggeo::Client client(env("ZIGGEO_PARITY_TOKEN"), env("ZIGGEO_PARITY_KEY"), options);
        const std::string target_url = env("ZIGGEO_PARITY_TARGET_URL");

        std::cout << client.webhooks().create(target_url, env("ZIGGEO_PARITY_ENCODING"),
                                              split_events(env("ZIGGEO_PARITY_EVENTS")))
                  << "\n";
        std::cout << client.webhooks().confirm(env("ZIGGEO_PARITY_WEBHOOK_ID"), env("ZIGGEO_PARITY_CODE")) << "\n";
        std::cout << client.webhooks().remove(target_url) << "\n";
    } catch (const std::exception& error) {
        std::cerr << "parity client failed: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
