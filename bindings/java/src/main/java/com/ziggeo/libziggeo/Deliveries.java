package com.ziggeo.libziggeo;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/** Parses what Ziggeo POSTs to a webhook's target URL. Thread-safe. */
public final class Deliveries {
    private static final LibZiggeo LIB = LibZiggeo.INSTANCE;

    private Deliveries() {}

    /**
     * Parses a request body: JSON, a urlencoded form with PHP-style keys, or
     * a form whose field contains a JSON document.
     *
     * @param body the request body, whole
     * @param contentType the request's Content-Type header, or null when it had none
     * @throws InvalidDeliveryException for a body that is not a delivery
     * @throws InvalidArgumentException for a null body
     */
    public static Delivery parse(byte[] body, String contentType) {
        if (body == null) {
            throw Natives.invalidArgument("invalid body: it is null; pass the request body as bytes");
        }
        String type = Natives.cString(contentType, "content type");
        PointerByReference out = new PointerByReference();
        PointerByReference error = new PointerByReference();
        // An empty body goes as NULL with length 0, which the C API accepts.
        Natives.check(LIB.ziggeo_delivery_parse(type, body.length == 0 ? null : body, body.length, out, error), error);

        Pointer pointer = out.getValue();
        try {
            PointerByReference json = new PointerByReference();
            Natives.check(LIB.ziggeo_delivery_json(pointer, json, error), error);
            return new Delivery(pointer, DeliveryKind.of(LIB.ziggeo_delivery_kind(pointer)),
                    Natives.readBorrowed(LIB.ziggeo_delivery_event_type(pointer)),
                    Natives.readBorrowed(LIB.ziggeo_delivery_webhook_id(pointer)),
                    Natives.readBorrowed(LIB.ziggeo_delivery_validation_code(pointer)),
                    Natives.takeString(json));
        } catch (RuntimeException failure) {
            LIB.ziggeo_delivery_free(pointer);
            throw failure;
        }
    }
}
