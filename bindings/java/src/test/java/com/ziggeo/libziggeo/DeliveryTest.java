package com.ziggeo.libziggeo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryTest {
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String EVENT = "{\"event_type\": \"video_ready\", \"data\": {\"video\": {\"token\": \"v1\"}}}";

    private static Delivery parse(String body, String contentType) {
        return Deliveries.parse(body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    @Test
    void jsonPing() {
        try (Delivery delivery = parse("{\"ziggeo_validation\": true, \"message\": \"check\"}", JSON)) {
            assertEquals(DeliveryKind.PING, delivery.kind());
            assertEquals(Optional.empty(), delivery.eventType());
            assertEquals(Optional.empty(), delivery.webhookId());
        }
    }

    @Test
    void jsonValidationKeepsLeadingZero() {
        String body = "{\"ziggeo_validation\": true, \"validation_code\": \"012345\", \"webhook_id\": \"abc\"}";
        try (Delivery delivery = parse(body, JSON)) {
            assertEquals(DeliveryKind.VALIDATION, delivery.kind());
            assertEquals(Optional.of("abc"), delivery.webhookId());
            assertEquals(Optional.of("012345"), delivery.validationCode());
        }
    }

    @Test
    void jsonEvent() {
        try (Delivery delivery = parse(EVENT, "application/json; charset=UTF-8")) {
            assertEquals(DeliveryKind.EVENT, delivery.kind());
            assertEquals(Optional.of("video_ready"), delivery.eventType());
            assertTrue(delivery.json().contains("\"token\":\"v1\""), delivery.json());
        }
    }

    @Test
    void formEventWithNestedKeys() {
        try (Delivery delivery = parse("event_type=video_ready&data%5Bvideo%5D%5Btoken%5D=v2", FORM)) {
            assertEquals(DeliveryKind.EVENT, delivery.kind());
            assertEquals(Optional.of("video_ready"), delivery.eventType());
            assertTrue(delivery.json().contains("\"token\":\"v2\""), delivery.json());
        }
    }

    @Test
    void formValidation() {
        try (Delivery delivery = parse("ziggeo_validation=true&validation_code=482913&webhook_id=def", FORM)) {
            assertEquals(DeliveryKind.VALIDATION, delivery.kind());
            assertEquals(Optional.of("def"), delivery.webhookId());
            assertEquals(Optional.of("482913"), delivery.validationCode());
        }
    }

    @Test
    void jsonHeaderFormWithJsonField() {
        String body = "json=" + URLEncoder.encode(EVENT, StandardCharsets.UTF_8);
        try (Delivery delivery = parse(body, FORM)) {
            assertEquals(DeliveryKind.EVENT, delivery.kind());
            assertEquals(Optional.of("video_ready"), delivery.eventType());
            assertTrue(delivery.json().contains("\"token\":\"v1\""), delivery.json());
        }
    }

    @Test
    void missingContentTypeIsSniffed() {
        try (Delivery delivery = parse(EVENT, null)) {
            assertEquals(Optional.of("video_ready"), delivery.eventType());
        }
    }

    @Test
    void invalidBodiesThrow() {
        InvalidDeliveryException error = assertThrows(InvalidDeliveryException.class, () -> parse("{not json", JSON));
        assertEquals(Status.INVALID_DELIVERY, error.status());
        assertTrue(error.getMessage().contains("json"), error.getMessage());

        assertThrows(InvalidDeliveryException.class, () -> parse("", JSON));
        assertThrows(InvalidDeliveryException.class, () -> parse(EVENT + "\0trailing", JSON));
        assertThrows(InvalidArgumentException.class, () -> Deliveries.parse(null, JSON));
    }

    @Test
    void closeTwiceKeepsValues() throws Exception {
        Sandbox sandbox = Sandbox.get();
        String body = "{\"ziggeo_validation\": true, \"validation_code\": 123456, \"webhook_id\": \"abc\"}";
        Delivery delivery = parse(body, JSON);

        delivery.close();
        delivery.close();

        assertEquals(Optional.of("123456"), delivery.validationCode());
        try (Client client = sandbox.clientBuilder().build()) {
            InvalidArgumentException error = assertThrows(InvalidArgumentException.class,
                    () -> client.webhooks().confirm(delivery));
            assertTrue(error.getMessage().contains("closed"), error.getMessage());
        }
    }

    @Test
    void pingIsNotConfirmable() throws Exception {
        Sandbox sandbox = Sandbox.get();
        try (Client client = sandbox.clientBuilder().build();
                Delivery ping = parse("{\"ziggeo_validation\": true, \"message\": \"check\"}", JSON)) {
            assertThrows(InvalidArgumentException.class, () -> client.webhooks().confirm(ping));
            assertThrows(InvalidArgumentException.class, () -> client.webhooks().confirm((Delivery) null));
        }
    }
}
