package com.ziggeo.libziggeo;

/** A webhook delivery body could not be parsed. */
public class InvalidDeliveryException extends ZiggeoException {
    private static final long serialVersionUID = 1L;

    public InvalidDeliveryException(Status status, String message, int httpStatus, String body, boolean outcomeUnknown) {
        super(status, message, httpStatus, body, outcomeUnknown);
    }
}
