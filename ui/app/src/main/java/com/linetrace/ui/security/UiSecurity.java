package com.linetrace.ui.security;

import com.linetrace.identity.api.Tokens;
import com.linetrace.web.SecurityHeaders;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Security of the screens: form login on {@link LoginView}, checked by identity's sign-in ({@link IdentitySignIn},
 * through identity's api only), a session per browser holding identity's token (renewed by {@link TokenRenewal}), and
 * Vaadin's view access control, which reads each view's {@code @RolesAllowed}. It serves every request the API's
 * chain ({@code @Order(1)}) does not.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SessionSettings.class)
class UiSecurity {

    @Bean
    SecurityFilterChain uiSecurityFilterChain(
            HttpSecurity http, Tokens tokens, JwtDecoder decoder, SessionSettings settings) throws Exception {
        var signIn = new IdentitySignIn(tokens, decoder);
        var sessions = new SessionTokens();
        http.authenticationManager(new ProviderManager(signIn))
                .headers(SecurityHeaders.ui())
                .securityContext(context -> context.securityContextRepository(sessions))
                .addFilterAfter(
                        new TokenRenewal(tokens, signIn, sessions, Clock.systemUTC()),
                        SecurityContextHolderFilter.class)
                .addFilterAfter(new IdleSignOut(settings, tokens, sessions, Clock.systemUTC()), TokenRenewal.class);
        // Before vaadin(): an API error forwarded to /error must keep its status, not become a redirect to login.
        // Webjars hold public front-end libraries (ECharts), served from the jar itself. Swagger UI's own webjar is
        // not served raw: its unmodified start page points browsers at an outside demo API (springdoc serves a
        // configured copy under /swagger-ui/ instead).
        // The badge form posts to the same sign-in (POST /login?badge): the details tell identity's two sign-ins
        // apart. Set before vaadin(), which then keeps this failure handler: a lock is said as one, not as a wrong
        // password, on the form the person used.
        http.formLogin(form -> form.authenticationDetailsSource(IdentitySignIn::details)
                .failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
                        + "/login?"
                        + (IdentitySignIn.details(request) != null ? LoginView.BADGE + "&" : "")
                        + (failure instanceof LockedException ? "error=locked" : "error"))));
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/webjars/swagger-ui/**")
                .denyAll()
                .requestMatchers("/error", "/webjars/**")
                .permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .build();
    }
}
