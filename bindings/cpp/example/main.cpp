// Registers a webhook for video_ready events, then removes it.
//
//   ZIGGEO_APP_TOKEN=... ZIGGEO_PRIVATE_KEY=... [ZIGGEO_BASE_URL=...] ziggeo_example TARGET_URL
//
// Without ZIGGEO_BASE_URL the application token's region is used.

#include <ziggeo.hpp>

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
    const char* token = std::getenv("ZIGGEO_APP_TOKEN");
    const char* key = std::getenv("ZIGGEO_PRIVATE_KEY");
    const char* base_url = std::getenv("ZIGGEO_BASE_URL");
    if (argc != 2 || token == nullptr || key == nullptr) {
        std::cerr << "usage: ZIGGEO_APP_TOKEN=... ZIGGEO_PRIVATE_KEY=... [ZIGGEO_BASE_URL=...] "
                  << argv[0] << " TARGET_URL\n";
        return 2;
    }

    ziggeo::Options options;
    if (base_url != nullptr) {
        options.base_url = base_url;
    }

    try {
        const ziggeo::Client client(token, key, options);
        const std::string id = client.webhooks().create(argv[1], "json", {"video_ready"});
        std::cout << "created webhook " << id << "\n";
        std::cout << "deleted: " << client.webhooks().remove(argv[1]) << "\n";
    } catch (const ziggeo::HttpError& error) {
        std::cerr << "HTTP " << error.http_status() << ": " << error.body() << "\n";
        return 1;
    } catch (const ziggeo::Error& error) {
        std::cerr << error.what() << "\n";
        return 1;
    }
    return 0;
}
