package com.linetrace.identity;

import com.linetrace.contracts.DatabaseUnreachable;
import com.linetrace.contracts.Roles;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The HTTP API's security: every call authenticates (HTTP Basic against the plant's users) and carries no
 * session, so there is no cookie to forge and CSRF protection has nothing to protect. Each endpoint names its
 * roles with {@code @RolesAllowed}. Refusals are problem+json, never a login page.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http, IdentitySettings settings, UserDetailsService users, PasswordEncoder encoder)
            throws Exception {
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        http.authenticationManager(
                new ProviderManager(new CachedCredentials(passwords, settings.credentialCache(), Clock.systemUTC())));
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/actuator/health")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Roles.ADMIN)
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    // The password could not be checked at all: the user is not to blame, and a retry will do.
                    if (DatabaseUnreachable.causes(e)) {
                        problem(
                                response,
                                HttpStatus.SERVICE_UNAVAILABLE,
                                DatabaseUnreachable.CODE,
                                DatabaseUnreachable.MESSAGE);
                    } else {
                        problem(
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "unauthenticated",
                                "Sign in with a user name and password (HTTP Basic)");
                    }
                }))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> problem(
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "unauthenticated",
                                "Sign in with a user name and password (HTTP Basic)"))
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(
                        new RequestSizeLimitFilter(settings.maxRequestBody()), SecurityContextHolderFilter.class);
        return http.build();
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
