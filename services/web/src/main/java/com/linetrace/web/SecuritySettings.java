package com.linetrace.web;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The API's security, the same in every service process.
 *
 * @param token how bearer tokens are verified (and, in identity, issued)
 * @param maxRequestBody the largest request body the API accepts; larger ones are refused with 413
 */
@ConfigurationProperties("linetrace.security")
public record SecuritySettings(
        @NestedConfigurationProperty @DefaultValue Token token,
        @DefaultValue("64KB") DataSize maxRequestBody) {

    /**
     * Identity's signed tokens.
     *
     * @param publicKey identity's public key, a PEM file ({@code -----BEGIN PUBLIC KEY-----}, RSA, as identity serves
     *     it at {@code GET /api/tokens/public-key}); needed by every process apart from identity, which refuses to
     *     start without it. A process holding identity (the plant, the identity launcher) uses identity's own key
     * @param issuer the {@code iss} identity writes and every process requires; give each plant its own, so a token of
     *     one plant opens nothing in another
     * @param audience the {@code aud} identity writes and every process requires
     * @param clockSkew how far the clocks of identity and a service may differ when {@code exp} and {@code nbf} are
     *     checked
     */
    public record Token(
            @Nullable Path publicKey,
            @DefaultValue("urn:linetrace:identity") String issuer,
            @DefaultValue("urn:linetrace:api") String audience,
            @DefaultValue("30s") Duration clockSkew) {}
}
