package com.linetrace.ui.security;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a signed-in person may leave the screens untouched before they are signed out.
 *
 * @param timeout for every role without a timeout of its own
 * @param timeouts per role, shorter for the roles of a shared station terminal ({@code OPERATOR}: 10 minutes by
 *     default); a person with several roles gets the shortest
 * @param badgeTimeout for a session signed in by badge at a station terminal, whatever the roles' (if shorter): the
 *     terminal is shared, and signing in again is a scan and a PIN
 */
@ConfigurationProperties("linetrace.ui.session")
record SessionSettings(
        @DefaultValue("30m") Duration timeout,
        @DefaultValue Map<String, Duration> timeouts,
        @DefaultValue("5m") Duration badgeTimeout) {

    /** The idle time after which a person with these roles is signed out. */
    Duration timeoutFor(Collection<String> roles) {
        return roles.stream()
                .map(timeouts::get)
                .filter(java.util.Objects::nonNull)
                .min(Duration::compareTo)
                .filter(shortest -> shortest.compareTo(timeout) < 0)
                .orElse(timeout);
    }

    /** The idle time after which a person with these roles, signed in by badge or not, is signed out. */
    Duration timeoutFor(Collection<String> roles, boolean byBadge) {
        var forRoles = timeoutFor(roles);
        return byBadge && badgeTimeout.compareTo(forRoles) < 0 ? badgeTimeout : forRoles;
    }
}
