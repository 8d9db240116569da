package com.ziggeo.libziggeo;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One ziggeo-sandbox process for the whole test run, started from
 * ZIGGEO_SANDBOX_BIN on 127.0.0.1 with a free port, and one receiver that
 * plays the target URL of every webhook the tests create. Both stop when the
 * JVM's JUnit run ends; the receiver outlives the sandbox so every handshake
 * call reaches it.
 */
final class Sandbox implements AutoCloseable {
    static final String APP_TOKEN = "java-test-app-token";
    static final String PRIVATE_KEY = "java-test-private-key";

    private static Sandbox instance;

    private final Process process;
    private final String baseUrl;
    private final HttpServer receiver;
    private final Map<String, List<Received>> received = new HashMap<>();
    private final HttpClient admin = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One request that the receiver took in. */
    record Received(String contentType, byte[] body) {}

    /** Returns the run's sandbox, starting it on first use. */
    static synchronized Sandbox get() throws IOException {
        if (instance == null) {
            instance = new Sandbox();
            Sandbox started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return instance;
    }

    private Sandbox() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            synchronized (received) {
                received.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new ArrayList<>())
                        .add(new Received(type, body));
                received.notifyAll();
            }
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        receiver.start();

        String binary = System.getenv("ZIGGEO_SANDBOX_BIN");
        if (binary == null || binary.isEmpty()) {
            receiver.stop(0);
            throw new IllegalStateException("ZIGGEO_SANDBOX_BIN is not set; run the tests with `make test-java`");
        }
        process = new ProcessBuilder(binary, "--listen", "127.0.0.1:0", "--app", APP_TOKEN + ":" + PRIVATE_KEY,
                "--quiet").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String first = output.readLine();
        if (first == null || !first.startsWith("listening on ")) {
            process.destroyForcibly();
            receiver.stop(0);
            throw new IllegalStateException("unexpected first line from the sandbox: " + first);
        }
        baseUrl = first.substring("listening on ".length()).trim();
        // Later output is read and dropped so the sandbox never blocks on a full pipe.
        Thread drain = new Thread(() -> output.lines().forEach(line -> {}));
        drain.setDaemon(true);
        drain.start();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Returns a target URL on the receiver; the path should be unique to the test. */
    String target(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    /** Waits up to 10 s for {@code count} requests to {@code path} and returns those that arrived. */
    List<Received> waitFor(String path, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (received) {
            while (received.getOrDefault(path, List.of()).size() < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                received.wait(left);
            }
            return List.copyOf(received.getOrDefault(path, List.of()));
        }
    }

    /** Sends a request to one of the sandbox's /_sandbox/ routes and checks for 200. */
    void admin(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response = admin.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** Clears the sandbox's webhooks and faults. */
    void reset() throws IOException, InterruptedException {
        admin("POST", "/_sandbox/reset", "");
        admin("DELETE", "/_sandbox/faults", "");
    }

    /** Returns a client builder for the sandbox. */
    Client.Builder clientBuilder() {
        return Client.builder(APP_TOKEN, PRIVATE_KEY).baseUrl(baseUrl).proxyFromEnv(false);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        receiver.stop(0);
    }
}
