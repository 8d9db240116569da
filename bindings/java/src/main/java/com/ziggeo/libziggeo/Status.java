package com.ziggeo.libziggeo;

/** The status of a failed call, with the numbers of the C API's {@code ZiggeoStatus}. */
public enum Status {
    OK(0),
    INVALID_ARGUMENT(1),
    HTTP(2),
    TIMEOUT(3),
    CONNECTION(4),
    DNS(5),
    TLS(6),
    INVALID_RESPONSE(7),
    INVALID_DELIVERY(8),
    INTERNAL(9);

    private final int code;

    Status(int code) {
        this.code = code;
    }

    /** Returns the C API's number for this status. */
    public int code() {
        return code;
    }

    /** Returns the status with the C API's number {@code code}; an unknown number gives INTERNAL. */
    public static Status of(int code) {
        for (Status status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        return INTERNAL;
    }
}
