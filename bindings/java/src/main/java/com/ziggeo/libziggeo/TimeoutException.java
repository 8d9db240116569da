package com.ziggeo.libziggeo;

/** The call timed out. */
public class TimeoutException extends ZiggeoException {
    private static final long serialVersionUID = 1L;

    public TimeoutException(Status status, String message, int httpStatus, String body, boolean outcomeUnknown) {
        super(status, message, httpStatus, body, outcomeUnknown);
    }
}
