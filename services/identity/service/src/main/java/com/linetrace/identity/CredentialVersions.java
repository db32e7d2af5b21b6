package com.linetrace.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

/**
 * The credential version of each user, which every change that must end what their credentials opened (a new
 * password, disabling them, other roles) increments, on whichever identity instance it is made. A remembered sign-in
 * is good only while the version it was made at is still the user's.
 */
@FunctionalInterface
interface CredentialVersions {

    /** The user's version now, or null when there is no such user or they may not sign in. */
    @Nullable
    Long of(String username);

    /** Read from identity's users, one indexed read per call. */
    static CredentialVersions of(JdbcClient jdbc) {
        return username -> {
            try {
                return jdbc.sql("select credential_version from identity.users where username = :username and enabled")
                        .param("username", username)
                        .query(Long.class)
                        .optional()
                        .orElse(null);
            } catch (RuntimeException e) {
                // As Spring's own user lookup reports it: the edges answer 503 when the database is away.
                throw new InternalAuthenticationServiceException("Could not read the user's credential version", e);
            }
        };
    }
}
