package com.linetrace.plant.contract;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Signed bearer tokens for the contract tests, with a key pair made for this JVM: what identity's tokens will be
 * (subject the user, roles in a {@code roles} claim) until the services verify identity's own. {@link Verification}
 * makes a service apart accept them on its API.
 */
final class TestTokens {

    private static final RSAPublicKey PUBLIC;
    private static final RSAPrivateKey PRIVATE;

    static {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            PUBLIC = (RSAPublicKey) pair.getPublic();
            PRIVATE = (RSAPrivateKey) pair.getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestTokens() {}

    /** Signs {@code user} in on this thread as the UI's sign-in does: a JWT authentication holding the token. */
    static void signIn(String user, String... roles) {
        var jwt = jwt(user, roles);
        var authorities = Arrays.stream(roles)
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, authorities, user));
    }

    /** A token for {@code user} with {@code roles}, as a station client would send it. */
    static String token(String user, String... roles) {
        return jwt(user, roles).getTokenValue();
    }

    private static Jwt jwt(String user, String... roles) {
        var now = Instant.now();
        var claims = JwtClaimsSet.builder()
                .subject(user)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .claim("roles", List.of(roles))
                .build();
        var encoder = NimbusJwtEncoder.withKeyPair(PUBLIC, PRIVATE).build();
        return encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims));
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /**
     * A service's API accepting the test tokens (before identity's HTTP Basic chain), stateless, no CSRF. Only where
     * a test imports it: as a {@code @Configuration} it sat in the plant's component scan ({@code com.linetrace.plant}
     * and below), and every plant a test started took bearer tokens only (401 for every HTTP Basic caller).
     */
    static class Verification {

        @Bean
        @Order(0)
        SecurityFilterChain testBearerTokens(HttpSecurity http) throws Exception {
            var roles = new JwtGrantedAuthoritiesConverter();
            roles.setAuthoritiesClaimName("roles");
            roles.setAuthorityPrefix("ROLE_");
            var authentication = new JwtAuthenticationConverter();
            authentication.setJwtGrantedAuthoritiesConverter(roles);
            return http.securityMatcher("/api/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(
                                    NimbusJwtDecoder.withPublicKey(PUBLIC).build())
                            .jwtAuthenticationConverter(authentication)))
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(csrf -> csrf.disable())
                    .build();
        }
    }
}
