package com.linetrace.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where a person's action comes from, for the {@code origin} of its audit action: the client's address of the HTTP
 * request being served (an API call, or a request of the UI in the same process), else the address the person signed
 * in from (a UI push over a websocket has no request of its own). Behind a proxy, set {@code
 * server.forward-headers-strategy} so the request's address is the client's and not the proxy's.
 */
public final class ClientOrigin {

    private ClientOrigin() {}

    /** The client's address, or null when the action has no client (the plant itself, a scheduled task). */
    public static @Nullable String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            var address = request.getRemoteAddr();
            if (address != null && !address.isBlank()) {
                return bounded(address);
            }
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails details) {
            var address = details.getRemoteAddress();
            if (address != null && !address.isBlank()) {
                return bounded(address);
            }
        }
        return null;
    }

    /** An address is at most an IPv6 one with its zone; anything longer is not an address we record. */
    private static @Nullable String bounded(String address) {
        return address.length() <= 100 ? address : null;
    }
}
