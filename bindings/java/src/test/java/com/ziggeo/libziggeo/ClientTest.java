package com.ziggeo.libziggeo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientTest {
    private static final String WEBHOOK_ID = "[0-9a-f]{32}";

    private Sandbox sandbox;

    @BeforeEach
    void resetSandbox() throws Exception {
        sandbox = Sandbox.get();
        sandbox.reset();
    }

    @Test
    void createReturnsWebhookId() {
        try (Client client = sandbox.clientBuilder().build()) {
            String id = client.webhooks().create(sandbox.target("/java/create"), "json", List.of("video_ready"));

            assertTrue(id.matches(WEBHOOK_ID), id);
        }
    }

    @Test
    void createWithDefaultEncoding() {
        try (Client client = sandbox.clientBuilder().build()) {
            String id = client.webhooks().create(sandbox.target("/java/default"), null,
                    List.of("video_ready", "video_delete"));

            assertTrue(id.matches(WEBHOOK_ID), id);
        }
    }

    @Test
    void webhooksViewKeepsClientAlive() throws Exception {
        // Only the view is kept: the Cleaner must not free the client under it.
        Webhooks webhooks = sandbox.clientBuilder().build().webhooks();
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(20);
        }

        String url = sandbox.target("/java/view");
        String id = webhooks.create(url, "json", List.of("video_ready"));
        assertTrue(id.matches(WEBHOOK_ID), id);
        assertEquals("null", webhooks.delete(url));
    }

    @Test
    void loneSurrogateRejected() {
        try (Client client = sandbox.clientBuilder().build()) {
            InvalidArgumentException error = assertThrows(InvalidArgumentException.class,
                    () -> client.webhooks().delete(sandbox.target("/java/\uD800")));
            assertTrue(error.getMessage().contains("surrogate"), error.getMessage());
        }
    }

    @Test
    void deleteRemovesWebhook() {
        try (Client client = sandbox.clientBuilder().build()) {
            String url = sandbox.target("/java/delete");
            client.webhooks().create(url, "form", List.of("video_ready"));

            assertEquals("null", client.webhooks().delete(url));

            HttpException error = assertThrows(HttpException.class, () -> client.webhooks().delete(url));
            assertEquals(Status.HTTP, error.status());
            assertEquals(404, error.httpStatus());
            assertFalse(error.body().isEmpty());
        }
    }

    @Test
    void confirmWrongCodeIs400() {
        try (Client client = sandbox.clientBuilder().build()) {
            String id = client.webhooks().create(sandbox.target("/java/confirm-400"), "json", List.of("video_ready"));

            HttpException error = assertThrows(HttpException.class, () -> client.webhooks().confirm(id, "000000"));

            assertEquals(Status.HTTP, error.status());
            assertEquals(400, error.httpStatus());
            assertFalse(error.body().isEmpty());
            assertTrue(error.getMessage().contains("400"), error.getMessage());
        }
    }

    @Test
    void confirmUnknownIdIs404() {
        try (Client client = sandbox.clientBuilder().build()) {
            HttpException error = assertThrows(HttpException.class,
                    () -> client.webhooks().confirm("0123456789abcdef0123456789abcdef", "123456"));

            assertEquals(404, error.httpStatus());
            assertTrue(error.body().contains("not found"), error.body());
        }
    }

    @Test
    void wrongPrivateKeyIs401() {
        try (Client client = Client.builder(Sandbox.APP_TOKEN, "wrong-secret-key").baseUrl(sandbox.baseUrl())
                .proxyFromEnv(false).build()) {
            HttpException error = assertThrows(HttpException.class,
                    () -> client.webhooks().create(sandbox.target("/java/401"), "json", List.of("video_ready")));

            assertEquals(Status.HTTP, error.status());
            assertEquals(401, error.httpStatus());
            assertTrue(error.body().contains("unauthorized"), error.body());
            assertFalse(error.getMessage().contains("wrong-secret-key"), error.getMessage());
            assertFalse(client.toString().contains("wrong-secret-key"), client.toString());
        }
    }

    @Test
    void createTimesOutOnDelayFault() throws Exception {
        sandbox.admin("POST", "/_sandbox/faults",
                "{\"path\": \"/v1/api/hook\", \"count\": 1, \"action\": \"delay\", \"delay_ms\": 2000}");
        try (Client client = sandbox.clientBuilder().timeout(Duration.ofMillis(300)).build()) {
            long started = System.nanoTime();
            TimeoutException error = assertThrows(TimeoutException.class,
                    () -> client.webhooks().create(sandbox.target("/java/timeout"), "json", List.of("video_ready")));
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;

            assertEquals(Status.TIMEOUT, error.status());
            assertTrue(error.outcomeUnknown());
            assertTrue(elapsedMs < 1900, "the call took " + elapsedMs + " ms");
        }
    }

    @Test
    void droppedConnectionIsConnectionError() throws Exception {
        sandbox.admin("POST", "/_sandbox/faults", "{\"path\": \"/v1/api/hook\", \"count\": 1, \"action\": \"drop\"}");
        try (Client client = sandbox.clientBuilder().build()) {
            ConnectionException error = assertThrows(ConnectionException.class,
                    () -> client.webhooks().create(sandbox.target("/java/drop"), "json", List.of("video_ready")));

            assertEquals(Status.CONNECTION, error.status());
        }
    }

    @Test
    void invalidEventNameIsRejected() {
        try (Client client = sandbox.clientBuilder().build()) {
            InvalidArgumentException error = assertThrows(InvalidArgumentException.class,
                    () -> client.webhooks().create(sandbox.target("/java/bad"), "json", List.of("Video Ready")));

            assertEquals(Status.INVALID_ARGUMENT, error.status());
            assertTrue(error.getMessage().contains("Video Ready"), error.getMessage());
        }
    }

    @Test
    void nullAndNulArgumentsAreRejected() {
        try (Client client = sandbox.clientBuilder().build()) {
            InvalidArgumentException nul = assertThrows(InvalidArgumentException.class,
                    () -> client.webhooks().delete(sandbox.target("/java/a\0b")));
            InvalidArgumentException nullUrl = assertThrows(InvalidArgumentException.class,
                    () -> client.webhooks().delete(null));
            InvalidArgumentException nullEvent = assertThrows(InvalidArgumentException.class,
                    () -> client.webhooks().create(sandbox.target("/java/null"), "json", Arrays.asList("video_ready", null)));

            assertTrue(nul.getMessage().contains("target URL"), nul.getMessage());
            assertTrue(nullUrl.getMessage().contains("target_url"), nullUrl.getMessage());
            assertTrue(nullEvent.getMessage().contains("index 1"), nullEvent.getMessage());
        }
    }

    @Test
    void badBuilderArgumentsAreRejected() {
        assertThrows(InvalidArgumentException.class, () -> Client.builder("", Sandbox.PRIVATE_KEY).build());
        assertThrows(InvalidArgumentException.class, () -> Client.builder(Sandbox.APP_TOKEN, null).build());
        assertThrows(InvalidArgumentException.class,
                () -> sandbox.clientBuilder().timeout(Duration.ofSeconds(-1)).build());
        assertThrows(InvalidArgumentException.class,
                () -> sandbox.clientBuilder().connectTimeout(Duration.ZERO).build());
        assertThrows(InvalidArgumentException.class, () -> sandbox.clientBuilder().maxRetries(-1).build());
        assertThrows(InvalidArgumentException.class, () -> sandbox.clientBuilder().baseUrl("not a url").build());
    }

    @Test
    void closeTwice() {
        Client client = sandbox.clientBuilder().build();

        client.close();
        client.close();

        assertTrue(client.isClosed());
        assertEquals("Client[closed=true]", client.toString());
        InvalidArgumentException error = assertThrows(InvalidArgumentException.class,
                () -> client.webhooks().delete(sandbox.target("/java/closed")));
        assertTrue(error.getMessage().contains("closed"), error.getMessage());
    }
}
