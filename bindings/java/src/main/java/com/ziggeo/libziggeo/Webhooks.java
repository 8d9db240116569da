package com.ziggeo.libziggeo;

import com.sun.jna.ptr.PointerByReference;
import java.util.List;

/**
 * The webhook calls of one client, as thread-safe as the client. Each call
 * returns the response body, and throws a {@link ZiggeoException} subclass
 * on failure: {@link InvalidArgumentException} (nothing sent),
 * {@link HttpException}, {@link TimeoutException}, {@link ConnectionException}
 * or {@link InvalidResponseException}.
 */
public final class Webhooks {
    private static final LibZiggeo LIB = LibZiggeo.INSTANCE;

    private final NativeHandle client;

    Webhooks(NativeHandle client) {
        this.client = client;
    }

    /**
     * Registers a webhook and returns the response body, the webhook id.
     *
     * <p>A create is never sent twice. When a failure leaves open whether it
     * reached the server, the exception's {@code outcomeUnknown()} is true and
     * the webhook may exist.
     *
     * @param targetUrl the absolute http(s) URL that Ziggeo will POST to
     * @param encoding "json", "jsonheader" or "form", or null for the server's default
     * @param events event names such as "video_ready"
     */
    public String create(String targetUrl, String encoding, List<String> events) {
        String url = Natives.cString(targetUrl, "target URL");
        String encodingText = Natives.cString(encoding, "encoding");
        String eventList = events == null ? null : joinEvents(events);
        return client.use(pointer -> {
            PointerByReference body = new PointerByReference();
            PointerByReference error = new PointerByReference();
            Natives.check(LIB.ziggeo_webhooks_create(pointer, url, encodingText, eventList, body, error), error);
            return Natives.takeString(body);
        });
    }

    /** Confirms a webhook with the validation code Ziggeo sent to its target URL, both sent exactly as given. */
    public String confirm(String webhookId, String validationCode) {
        String id = Natives.cString(webhookId, "webhook id");
        String code = Natives.cString(validationCode, "validation code");
        return client.use(pointer -> {
            PointerByReference body = new PointerByReference();
            PointerByReference error = new PointerByReference();
            Natives.check(LIB.ziggeo_webhooks_confirm(pointer, id, code, body, error), error);
            return Natives.takeString(body);
        });
    }

    /**
     * Confirms the webhook named in a parsed validation delivery.
     *
     * @throws InvalidArgumentException when the delivery is not a validation call or was closed
     */
    public String confirm(Delivery delivery) {
        if (delivery == null) {
            throw Natives.invalidArgument("invalid delivery: it is null; pass a delivery from Deliveries.parse");
        }
        return client.use(pointer -> delivery.handle().use(deliveryPointer -> {
            PointerByReference body = new PointerByReference();
            PointerByReference error = new PointerByReference();
            Natives.check(LIB.ziggeo_webhooks_confirm_delivery(pointer, deliveryPointer, body, error), error);
            return Natives.takeString(body);
        }));
    }

    /** Removes every webhook whose target URL is exactly {@code targetUrl}. */
    public String delete(String targetUrl) {
        String url = Natives.cString(targetUrl, "target URL");
        return client.use(pointer -> {
            PointerByReference body = new PointerByReference();
            PointerByReference error = new PointerByReference();
            Natives.check(LIB.ziggeo_webhooks_delete(pointer, url, body, error), error);
            return Natives.takeString(body);
        });
    }

    /** Joins the event names into the comma-separated list that the C API takes. */
    private static String joinEvents(List<String> events) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == null) {
                throw Natives.invalidArgument("invalid events: the name at index " + i + " is null; pass event names");
            }
        }
        return Natives.cString(String.join(",", events), "events");
    }
}
