package com.ziggeo.libziggeo;

/** A host name could not be resolved. */
public class DnsException extends ConnectionException {
    private static final long serialVersionUID = 1L;

    public DnsException(Status status, String message, int httpStatus, String body, boolean outcomeUnknown) {
        super(status, message, httpStatus, body, outcomeUnknown);
    }
}
