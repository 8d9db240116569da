package com.ziggeo.libziggeo;

/** The TLS handshake failed, for example on an untrusted certificate. */
public class TlsException extends ConnectionException {
    private static final long serialVersionUID = 1L;

    public TlsException(Status status, String message, int httpStatus, String body, boolean outcomeUnknown) {
        super(status, message, httpStatus, body, outcomeUnknown);
    }
}
