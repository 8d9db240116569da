package com.ziggeo.libziggeo;

import com.sun.jna.Pointer;
import java.util.Optional;

/**
 * A parsed request that Ziggeo POSTed to a webhook's target URL, made by
 * {@link Deliveries#parse(byte[], String)}.
 *
 * <p>Its values are copied at parse time and stay readable after
 * {@link #close()}. It owns a native handle, which
 * {@link Webhooks#confirm(Delivery)} needs, until {@code close()} or a
 * {@link java.lang.ref.Cleaner Cleaner} frees it. Immutable and thread-safe.
 */
public final class Delivery implements AutoCloseable {
    private final NativeHandle handle;
    private final DeliveryKind kind;
    private final String eventType;
    private final String webhookId;
    private final String validationCode;
    private final String json;

    Delivery(Pointer pointer, DeliveryKind kind, String eventType, String webhookId, String validationCode,
            String json) {
        this.handle = new NativeHandle(pointer, LibZiggeo.INSTANCE::ziggeo_delivery_free, "delivery");
        this.kind = kind;
        this.eventType = eventType;
        this.webhookId = webhookId;
        this.validationCode = validationCode;
        this.json = json;
    }

    public DeliveryKind kind() {
        return kind;
    }

    /** Returns the event type of an event, such as "video_ready". */
    public Optional<String> eventType() {
        return Optional.ofNullable(eventType);
    }

    /** Returns the webhook id of a validation call. */
    public Optional<String> webhookId() {
        return Optional.ofNullable(webhookId);
    }

    /** Returns the validation code of a validation call, as the digits sent ("012345" keeps its zero). */
    public Optional<String> validationCode() {
        return Optional.ofNullable(validationCode);
    }

    /** Returns the whole delivery normalised to one JSON document. */
    public String json() {
        return json;
    }

    /** Frees the native delivery; closing again does nothing. */
    @Override
    public void close() {
        handle.close();
    }

    NativeHandle handle() {
        return handle;
    }

    @Override
    public String toString() {
        return "Delivery[kind=" + kind + ", eventType=" + eventType + ", webhookId=" + webhookId + "]";
    }
}
