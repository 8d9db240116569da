package com.ziggeo.libziggeo;

/** The kind of a webhook delivery. */
public enum DeliveryKind {
    /** The reachability ping after create. Respond with HTTP 200. */
    PING,
    /** The validation call. Respond with HTTP 200, then pass it to {@link Webhooks#confirm(Delivery)}. */
    VALIDATION,
    /** An event such as video_ready. */
    EVENT;

    /** Returns the kind with the C API's {@code ZiggeoDeliveryKind} number. */
    static DeliveryKind of(int code) {
        switch (code) {
            case 1:
                return PING;
            case 2:
                return VALIDATION;
            case 3:
                return EVENT;
            default:
                throw new IllegalStateException("libziggeo returned the unknown delivery kind " + code);
        }
    }
}
