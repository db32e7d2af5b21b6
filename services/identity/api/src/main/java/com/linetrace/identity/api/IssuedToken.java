package com.linetrace.identity.api;

import java.time.Instant;

/**
 * A signed token and when it expires; send it as {@code Authorization: Bearer <accessToken>} and renew it before then.
 *
 * @param accessToken the JWT (RS256) with the holder ({@code sub}), their {@code roles}, issuer, audience and expiry
 * @param tokenType always {@code Bearer}
 * @param expiresAt when every service stops accepting it
 */
public record IssuedToken(String accessToken, String tokenType, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[tokenType=" + tokenType + ", expiresAt=" + expiresAt + "]";
    }
}
