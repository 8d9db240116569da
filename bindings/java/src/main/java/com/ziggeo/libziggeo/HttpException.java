package com.ziggeo.libziggeo;

/** The server responded with an HTTP status outside 2xx, given by {@link #httpStatus()} and {@link #body()}. */
public class HttpException extends ZiggeoException {
    private static final long serialVersionUID = 1L;

    public HttpException(Status status, String message, int httpStatus, String body, boolean outcomeUnknown) {
        super(status, message, httpStatus, body, outcomeUnknown);
    }
}
