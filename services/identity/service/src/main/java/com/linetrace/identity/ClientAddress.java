package com.linetrace.identity;

import com.linetrace.contracts.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the client whose request this thread serves, as the servlet container saw it (behind a proxy, set
 * {@code server.forward-headers-strategy} so that it is the client's, not the proxy's); null outside a request.
 */
final class ClientAddress {

    private ClientAddress() {}

    static @Nullable String current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return null;
        }
        var address = request.getRequest().getRemoteAddr();
        return address == null || Text.problemWith(address, Text.ID) != null ? null : address;
    }
}
