package com.ziggeo.libziggeo;

/** The connection could not be made or broke during the exchange. */
public class ConnectionException extends ZiggeoException {
    private static final long serialVersionUID = 1L;

    public ConnectionException(Status status, String message, int httpStatus, String body, boolean outcomeUnknown) {
        super(status, message, httpStatus, body, outcomeUnknown);
    }
}
