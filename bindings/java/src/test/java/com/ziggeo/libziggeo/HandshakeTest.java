package com.ziggeo.libziggeo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole webhook flow: create, receive the ping and the validation call,
 * confirm, receive an event, delete.
 */
class HandshakeTest {
    private Sandbox sandbox;

    @BeforeEach
    void resetSandbox() throws Exception {
        sandbox = Sandbox.get();
        sandbox.reset();
    }

    private static Delivery parse(Sandbox.Received request) {
        return Deliveries.parse(request.body(), request.contentType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "jsonheader", "form"})
    void confirmsAndReceivesEvent(String encoding) throws Exception {
        String path = "/java/handshake/" + encoding;
        try (Client client = sandbox.clientBuilder().build()) {
            String id = client.webhooks().create(sandbox.target(path), encoding, List.of("video_ready"));

            List<Sandbox.Received> handshake = sandbox.waitFor(path, 2);
            assertEquals(2, handshake.size());
            try (Delivery ping = parse(handshake.get(0)); Delivery validation = parse(handshake.get(1))) {
                assertEquals(DeliveryKind.PING, ping.kind());
                assertEquals(DeliveryKind.VALIDATION, validation.kind());
                assertEquals(id, validation.webhookId().orElse(""));
                assertEquals(6, validation.validationCode().orElse("").length());

                assertEquals("true", client.webhooks().confirm(validation));
            }

            sandbox.admin("POST", "/_sandbox/events",
                    "{\"event_type\": \"video_ready\", \"data\": {\"video\": {\"token\": \"java-video\"}}}");
            List<Sandbox.Received> all = sandbox.waitFor(path, 3);
            assertEquals(3, all.size());
            try (Delivery event = parse(all.get(2))) {
                assertEquals(DeliveryKind.EVENT, event.kind());
                assertEquals("video_ready", event.eventType().orElse(""));
                assertTrue(event.json().contains("java-video"), event.json());
            }

            assertEquals("null", client.webhooks().delete(sandbox.target(path)));
        }
    }

    @Test
    void confirmByIdAndCode() throws Exception {
        try (Client client = sandbox.clientBuilder().build()) {
            String id = client.webhooks().create(sandbox.target("/java/by-code"), "json", List.of("video_ready"));
            List<Sandbox.Received> handshake = sandbox.waitFor("/java/by-code", 2);
            assertEquals(2, handshake.size());

            try (Delivery validation = parse(handshake.get(1))) {
                assertEquals("true", client.webhooks().confirm(id, validation.validationCode().orElse("")));
            }
        }
    }
}
