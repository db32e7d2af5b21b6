package com.linetrace.plant;

import com.linetrace.web.BearerTokens;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Tokens as identity signs them, for a quality engineer, made with a benchmark run's own key pair (the service under
 * measurement trusts its public half) and renewed two minutes before they expire.
 */
final class BenchmarkTokens {

    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;
    private final Duration lifetime;
    private @Nullable String token;
    private Instant expires = Instant.EPOCH;

    BenchmarkTokens(RSAPublicKey publicKey, RSAPrivateKey privateKey, Duration lifetime) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.lifetime = lifetime;
    }

    synchronized String current() {
        var now = Instant.now();
        if (token == null || now.isAfter(expires.minus(Duration.ofMinutes(2)))) {
            expires = now.plus(lifetime);
            var claims = JwtClaimsSet.builder()
                    .issuer("urn:linetrace:identity")
                    .audience(List.of("urn:linetrace:api"))
                    .subject("benchmark-quality")
                    .issuedAt(now)
                    .expiresAt(expires)
                    .id(UUID.randomUUID().toString())
                    .claim(BearerTokens.ROLES_CLAIM, List.of("QUALITY"))
                    .build();
            token = NimbusJwtEncoder.withKeyPair(publicKey, privateKey)
                    .build()
                    .encode(JwtEncoderParameters.from(
                            JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                    .getTokenValue();
        }
        return token;
    }
}
