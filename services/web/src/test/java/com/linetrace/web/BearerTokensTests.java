package com.linetrace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class BearerTokensTests {

    private static final SecuritySettings.Token SETTINGS =
            new SecuritySettings.Token(null, "urn:linetrace:identity", "urn:linetrace:api", Duration.ofSeconds(30));

    private static final KeyPair KEYS = keys();

    private static KeyPair keys() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(UnaryOperator<JwtClaimsSet.Builder> change) {
        var now = Instant.now();
        var claims = JwtClaimsSet.builder()
                .issuer(SETTINGS.issuer())
                .audience(List.of(SETTINGS.audience()))
                .subject("operator")
                .issuedAt(now)
                .expiresAt(now.plusSeconds(600))
                .claim(BearerTokens.ROLES_CLAIM, List.of("OPERATOR"));
        return NimbusJwtEncoder.withKeyPair((RSAPublicKey) KEYS.getPublic(), (RSAPrivateKey) KEYS.getPrivate())
                .build()
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(),
                        change.apply(claims).build()))
                .getTokenValue();
    }

    private static final org.springframework.security.oauth2.jwt.JwtDecoder DECODER =
            BearerTokens.decoder((RSAPublicKey) KEYS.getPublic(), SETTINGS);

    @Test
    void readsTheSubjectAndRolesOfAValidToken() {
        var authentication = BearerTokens.authentication().convert(DECODER.decode(sign(UnaryOperator.identity())));

        assertThat(authentication.getName()).isEqualTo("operator");
        assertThat(authentication.getAuthorities()).extracting(Object::toString).contains("ROLE_OPERATOR");
    }

    @Test
    void refusesATokenWithoutAnExpiry() {
        var forever = sign(claims -> claims.claims(all -> all.remove("exp")));

        assertThatThrownBy(() -> DECODER.decode(forever)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void refusesATokenWithoutTheAudienceOrFromAnotherIssuer() {
        assertThatThrownBy(() -> DECODER.decode(sign(claims -> claims.audience(List.of("urn:other")))))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> DECODER.decode(sign(claims -> claims.issuer("urn:other"))))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void acceptsAClockSkewOfSecondsButNotOfMinutes() {
        var now = Instant.now();
        DECODER.decode(sign(claims -> claims.issuedAt(now.minusSeconds(620)).expiresAt(now.minusSeconds(20))));

        assertThatThrownBy(() -> DECODER.decode(
                        sign(claims -> claims.issuedAt(now.minusSeconds(700)).expiresAt(now.minusSeconds(100)))))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void readsTheServedPemBackAndSaysWhatIsWrongWithAnythingElse(@TempDir Path dir) throws Exception {
        var file = dir.resolve("identity.pem");
        Files.writeString(file, BearerTokens.pem(KEYS.getPublic()));
        assertThat(BearerTokens.readPublicKey(file)).isEqualTo(KEYS.getPublic());

        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> BearerTokens.readPublicKey(file))
                .hasMessageContaining("must be a PEM public key")
                .hasMessageNotContaining("AAAA");
        assertThatThrownBy(() -> BearerTokens.readPublicKey(dir.resolve("missing.pem")))
                .hasMessageContaining("cannot read");
    }
}
