package com.ziggeo.libziggeo;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;

/** Conversions between Java values and the C API's strings, statuses and errors. */
final class Natives {
    /** Frees native handles that were not closed; shared by every class here. */
    static final Cleaner CLEANER = Cleaner.create();

    private static final LibZiggeo LIB = LibZiggeo.INSTANCE;

    private Natives() {}

    /** Throws the exception for a failed {@code status}, freeing the error object. */
    static void check(int status, PointerByReference error) {
        if (status != Status.OK.code()) {
            throw toException(status, error.getValue());
        }
    }

    /** Converts and frees an error object; {@code raw} is null when libziggeo could not allocate one. */
    static ZiggeoException toException(int code, Pointer raw) {
        Status status = Status.of(code);
        String message = readBorrowed(LIB.ziggeo_status_message(code));
        String body = "";
        int httpStatus = 0;
        boolean outcomeUnknown = false;
        if (raw != null) {
            try {
                String detail = readBorrowed(LIB.ziggeo_error_message(raw));
                message = detail == null ? message : detail;
                String text = readBorrowed(LIB.ziggeo_error_body(raw));
                body = text == null ? "" : text;
                httpStatus = LIB.ziggeo_error_http_status(raw);
                outcomeUnknown = LIB.ziggeo_error_outcome_unknown(raw) != 0;
            } finally {
                LIB.ziggeo_error_free(raw);
            }
        }
        return newException(status, message, httpStatus, body, outcomeUnknown);
    }

    private static ZiggeoException newException(Status status, String message, int httpStatus, String body,
            boolean outcomeUnknown) {
        switch (status) {
            case INVALID_ARGUMENT:
                return new InvalidArgumentException(status, message, httpStatus, body, outcomeUnknown);
            case HTTP:
                return new HttpException(status, message, httpStatus, body, outcomeUnknown);
            case TIMEOUT:
                return new TimeoutException(status, message, httpStatus, body, outcomeUnknown);
            case CONNECTION:
                return new ConnectionException(status, message, httpStatus, body, outcomeUnknown);
            case DNS:
                return new DnsException(status, message, httpStatus, body, outcomeUnknown);
            case TLS:
                return new TlsException(status, message, httpStatus, body, outcomeUnknown);
            case INVALID_RESPONSE:
                return new InvalidResponseException(status, message, httpStatus, body, outcomeUnknown);
            case INVALID_DELIVERY:
                return new InvalidDeliveryException(status, message, httpStatus, body, outcomeUnknown);
            default:
                return new ZiggeoException(status, message, httpStatus, body, outcomeUnknown);
        }
    }

    /** Returns an exception for a bad argument that is found before any native call. */
    static InvalidArgumentException invalidArgument(String message) {
        return new InvalidArgumentException(Status.INVALID_ARGUMENT, message, 0, "", false);
    }

    /**
     * Returns {@code value} after checking that it can be passed as a C
     * string: a NUL character would silently cut it short.
     */
    static String cString(String value, String parameter) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            throw invalidArgument("invalid " + parameter + ": it contains a NUL character at index "
                    + value.indexOf('\0') + "; pass text without NUL characters");
        }
        int lone = loneSurrogate(value);
        if (lone >= 0) {
            // UTF-8 cannot carry it: JNA would send '?' in its place, a different value.
            throw invalidArgument("invalid " + parameter + ": it contains an unpaired UTF-16 surrogate at index "
                    + lone + "; pass valid Unicode text");
        }
        return value;
    }

    /** Returns the index of the first unpaired surrogate in {@code value}, or -1. */
    private static int loneSurrogate(String value) {
        for (int index = 0; index < value.length(); index++) {
            char unit = value.charAt(index);
            if (Character.isHighSurrogate(unit) && index + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(index + 1))) {
                index++;
            } else if (Character.isSurrogate(unit)) {
                return index;
            }
        }
        return -1;
    }

    /** Reads a borrowed UTF-8 string; null stays null. */
    static String readBorrowed(Pointer value) {
        return value == null ? null : value.getString(0, StandardCharsets.UTF_8.name());
    }

    /** Reads an owned string written to {@code out} and frees it, exactly once. */
    static String takeString(PointerByReference out) {
        Pointer value = out.getValue();
        if (value == null) {
            return "";
        }
        try {
            return value.getString(0, StandardCharsets.UTF_8.name());
        } finally {
            LIB.ziggeo_string_free(value);
        }
    }
}
