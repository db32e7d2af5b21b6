package com.linetrace.ui.remote;

import org.jspecify.annotations.Nullable;

/**
 * A service the UI calls over HTTP gave no usable answer: it refused the connection, did not answer in time, or
 * answered with something its api does not name. The message says which service, in words for the user; the
 * cause (for the log) says why.
 */
public class ServiceUnreachableException extends RuntimeException {

    public ServiceUnreachableException(String service, String why, @Nullable Throwable cause) {
        super(
                "The " + service + " service is not reachable (" + why + "). Try again in a moment; if it keeps"
                        + " happening, call the supervisor.",
                cause);
    }

    public ServiceUnreachableException(String service, String why) {
        this(service, why, null);
    }
}
