package com.ziggeo.libziggeo;

/** An argument was invalid, or the client or delivery was closed, so nothing was sent. */
public class InvalidArgumentException extends ZiggeoException {
    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(Status status, String message, int httpStatus, String body, boolean outcomeUnknown) {
        super(status, message, httpStatus, body, outcomeUnknown);
    }
}
