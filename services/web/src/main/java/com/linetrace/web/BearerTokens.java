package com.linetrace.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * What identity's tokens look like to the processes that verify them: an RS256 JWT whose {@code sub} is the user or
 * the equipment, whose {@code roles} claim lists its roles, with identity's {@code iss}, the plant's {@code aud} and
 * a short {@code exp}. One place, so identity writes what every service checks.
 */
public final class BearerTokens {

    /** The claim with the holder's roles ({@code ["OPERATOR"]}), each an authority {@code ROLE_<role>}. */
    public static final String ROLES_CLAIM = "roles";

    private BearerTokens() {}

    /** Verifies signature (RS256 only), issuer, audience, expiry and not-before, within the allowed clock skew. */
    public static JwtDecoder decoder(RSAPublicKey key, SecuritySettings.Token settings) {
        return decoder(key, settings, null);
    }

    /** As {@link #decoder(RSAPublicKey, SecuritySettings.Token)}, and then {@code holder}'s check when there is one. */
    public static JwtDecoder decoder(
            RSAPublicKey key,
            SecuritySettings.Token settings,
            @org.jspecify.annotations.Nullable TokenHolderCheck holder) {
        var decoder = NimbusJwtDecoder.withPublicKey(key)
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        var claims = new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(settings.clockSkew()),
                new JwtIssuerValidator(settings.issuer()),
                // A token without an expiry would open the API for good: required, not just checked when present.
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, Objects::nonNull),
                new JwtClaimValidator<Collection<String>>(
                        JwtClaimNames.AUD, audience -> audience != null && audience.contains(settings.audience())));
        // After the rest: only a token that is otherwise valid costs the holder's check its database read.
        decoder.setJwtValidator(
                holder == null
                        ? claims
                        : token -> {
                            var checked = claims.validate(token);
                            return checked.hasErrors()
                                    ? checked
                                    : holder.validator().validate(token);
                        });
        return decoder;
    }

    /** The token's subject as the caller's name and its roles as {@code ROLE_x} authorities. */
    public static JwtAuthenticationConverter authentication() {
        var roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    /** An RSA public key in PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo), as identity serves it. */
    public static String pem(PublicKey key) {
        var base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    /** Reads identity's public key from a PEM file, saying what is wrong with it if it is not one. */
    public static RSAPublicKey readPublicKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "linetrace.security.token.public-key: cannot read " + file + " (" + e.getMessage() + ")", e);
        }
        return parsePublicKey(text, "linetrace.security.token.public-key (" + file + ")");
    }

    static RSAPublicKey parsePublicKey(String pem, String what) {
        var lines = pem.strip().lines().map(String::strip).toList();
        if (lines.size() < 3
                || !lines.getFirst().equals("-----BEGIN PUBLIC KEY-----")
                || !lines.getLast().equals("-----END PUBLIC KEY-----")) {
            throw new IllegalStateException(
                    what + " must be a PEM public key (-----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----)");
        }
        try {
            var der = Base64.getDecoder().decode(String.join("", lines.subList(1, lines.size() - 1)));
            var key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            return (RSAPublicKey) key;
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(what + " is not an RSA public key", e);
        }
    }
}
