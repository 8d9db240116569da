package com.ziggeo.libziggeo;

/**
 * The base of every exception this binding throws. Its message is
 * libziggeo's: it names the failed value and never contains the private key.
 * Subclasses tell the kinds apart; {@link #status()} gives the exact status.
 */
public class ZiggeoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Status status;
    private final int httpStatus;
    private final String body;
    private final boolean outcomeUnknown;

    public ZiggeoException(Status status, String message, int httpStatus, String body, boolean outcomeUnknown) {
        super(message);
        this.status = status;
        this.httpStatus = httpStatus;
        this.body = body == null ? "" : body;
        this.outcomeUnknown = outcomeUnknown;
    }

    /** Returns the status of the failed call. */
    public Status status() {
        return status;
    }

    /** Returns the HTTP status of an {@link HttpException}, or 0 for other errors. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Returns the response body of an {@link HttpException} (at most 64 KiB), or "". */
    public String body() {
        return body;
    }

    /**
     * Returns true when the request may have reached the server and taken
     * effect, so a create that failed this way may still have registered the
     * webhook.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
