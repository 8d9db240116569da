package com.ziggeo.libziggeo;

/** The server's response was not usable HTTP, or too large. */
public class InvalidResponseException extends ZiggeoException {
    private static final long serialVersionUID = 1L;

    public InvalidResponseException(Status status, String message, int httpStatus, String body, boolean outcomeUnknown) {
        super(status, message, httpStatus, body, outcomeUnknown);
    }
}
