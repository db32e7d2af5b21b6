package com.linetrace.web;

import com.linetrace.contracts.DatabaseUnreachable;
import com.linetrace.contracts.Roles;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The HTTP API's security in every service process: each call carries identity's signed token
 * ({@code Authorization: Bearer …}), verified here with identity's public key, and no session, so there is no cookie
 * to forge and CSRF protection has nothing to protect. Where the process holds identity's users ({@link BasicSignIn})
 * HTTP Basic works too. Each endpoint names its roles with {@code @RolesAllowed}. Refusals are problem+json, never a
 * login page.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http,
            SecuritySettings settings,
            JwtDecoder tokens,
            ObjectProvider<BasicSignIn> basic,
            List<OpenEndpoint> open)
            throws Exception {
        var passwords = basic.getIfAvailable();
        var bearer = new JwtAuthenticationProvider(tokens);
        bearer.setJwtAuthenticationConverter(BearerTokens.authentication());
        var signIn = passwords == null
                ? "Send identity's token (Authorization: Bearer …, from POST /api/tokens)"
                : "Send identity's token (Authorization: Bearer …, from POST /api/tokens) or sign in with HTTP Basic";
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            log.debug("Refused {} {} unauthenticated: {}", request.getMethod(), request.getRequestURI(), e.toString());
            // The password could not be checked at all: the user is not to blame, and a retry will do.
            if (DatabaseUnreachable.causes(e)) {
                problem(
                        response,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        DatabaseUnreachable.CODE,
                        DatabaseUnreachable.MESSAGE);
            } else if (e instanceof LockedException) {
                // Identity refused the name or the address before checking the password: too many failed sign-ins.
                problem(
                        response,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-sign-ins",
                        "Too many failed sign-ins for this name or from this address: wait, then try again");
            } else if (invalidToken(e)) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                problem(
                        response,
                        HttpStatus.UNAUTHORIZED,
                        "invalid-token",
                        "The token is not valid here (expired, altered, not signed by this plant's identity or not"
                                + " for this plant): sign in again");
            } else {
                response.setHeader("WWW-Authenticate", "Bearer");
                problem(response, HttpStatus.UNAUTHORIZED, "unauthenticated", signIn);
            }
        };
        // "/v3/api-docs.yaml" by name: "/v3/api-docs/**" does not match it, and the screens' chain sent a token holder
        // to their sign-in page.
        http.securityMatcher(
                        "/api/**",
                        "/actuator/**",
                        "/v3/api-docs/**",
                        "/v3/api-docs.yaml",
                        "/swagger-ui/**",
                        "/swagger-ui.html")
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/health")
                            .permitAll();
                    open.forEach(endpoint -> requests.requestMatchers(endpoint.method(), endpoint.path())
                            .permitAll());
                    requests.requestMatchers("/actuator/**")
                            .hasRole(Roles.ADMIN)
                            .anyRequest()
                            .authenticated();
                })
                .oauth2ResourceServer(resource -> resource.jwt(
                                jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(BearerTokens.authentication()))
                        .authenticationEntryPoint(unauthenticated))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this")))
                .headers(SecurityHeaders.api())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(
                        new RequestSizeLimitFilter(settings.maxRequestBody()), SecurityContextHolderFilter.class);
        // One manager for both, and nothing else: no global one behind it to check a wrong password a second time.
        if (passwords == null) {
            http.authenticationManager(new ProviderManager(bearer));
        } else {
            http.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(unauthenticated))
                    .authenticationManager(new ProviderManager(bearer, passwords.passwords()));
        }
        return http.build();
    }

    private static boolean invalidToken(AuthenticationException e) {
        return e instanceof OAuth2AuthenticationException;
    }

    static void problem(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"urn:linetrace:problem:" + code + "\",\"title\":\"" + status.getReasonPhrase()
                        + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
