package com.linetrace.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Tokens shaped as identity signs them, signed with a key pair of this test JVM, for a service process started apart
 * from identity: {@link #register} gives the process the public key ({@code linetrace.security.token.public-key}), and
 * {@link #of} a token for a user and roles. {@link #token} varies one thing at a time (expired, another issuer,
 * another key) to see it refused.
 */
public final class TestTokens {

    /** Identity's default issuer and audience ({@code linetrace.security.token.issuer} / {@code audience}). */
    public static final String ISSUER = "urn:linetrace:identity";

    public static final String AUDIENCE = "urn:linetrace:api";

    private static final KeyPair KEYS = newKeyPair();
    private static volatile Path publicKeyFile;

    private TestTokens() {}

    /** Tells the test's process to verify tokens with this JVM's test key. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add(
                "linetrace.security.token.public-key", () -> publicKeyFile().toString());
    }

    /** The PEM file of this JVM's test public key, written once. */
    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                var file = Files.createTempFile("linetrace-test-token-key", ".pem");
                file.toFile().deleteOnExit();
                Files.writeString(file, pem(KEYS.getPublic().getEncoded()), StandardCharsets.US_ASCII);
                publicKeyFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    /** A valid token (ten minutes) for {@code subject} with {@code roles}. */
    public static String of(String subject, String... roles) {
        return token(subject, roles).sign();
    }

    public static Token token(String subject, String... roles) {
        return new Token(
                subject, List.of(roles), ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(10)), KEYS, List.of());
    }

    /** A key pair of its own, to sign tokens no LineTrace process trusts. */
    public static KeyPair newKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(byte[] publicKey) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(publicKey)
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** A token to sign, changed one property at a time. */
    public record Token(
            String subject,
            List<String> roles,
            String issuer,
            String audience,
            Instant expiresAt,
            KeyPair keys,
            List<String> amr) {

        public Token issuer(String other) {
            return new Token(subject, roles, other, audience, expiresAt, keys, amr);
        }

        public Token audience(String other) {
            return new Token(subject, roles, issuer, other, expiresAt, keys, amr);
        }

        public Token expiresAt(Instant other) {
            return new Token(subject, roles, issuer, audience, other, keys, amr);
        }

        public Token signedWith(KeyPair other) {
            return new Token(subject, roles, issuer, audience, expiresAt, other, amr);
        }

        /** As identity signs a badge sign-in's token: claim {@code amr} {@code ["badge", "pin"]}. */
        public Token byBadge() {
            return new Token(subject, roles, issuer, audience, expiresAt, keys, List.of("badge", "pin"));
        }

        public String sign() {
            var encoder = NimbusJwtEncoder.withKeyPair(
                            (RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate())
                    .build();
            var issuedAt = expiresAt.minus(Duration.ofMinutes(10));
            var claims = JwtClaimsSet.builder()
                    .issuer(issuer)
                    .audience(List.of(audience))
                    .subject(subject)
                    .issuedAt(issuedAt)
                    .expiresAt(expiresAt)
                    .id(UUID.randomUUID().toString())
                    .claim("roles", roles)
                    .claim("auth_time", issuedAt.getEpochSecond())
                    .claims(all -> {
                        if (!amr.isEmpty()) {
                            all.put("amr", amr);
                        }
                    })
                    .build();
            return encoder.encode(JwtEncoderParameters.from(
                            JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                    .getTokenValue();
        }
    }
}
