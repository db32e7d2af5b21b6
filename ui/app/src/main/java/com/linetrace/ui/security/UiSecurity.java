package com.linetrace.ui.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security of the screens: form login on {@link LoginView} against the plant's users (identity's
 * {@code JdbcUserDetailsManager}), a session per browser, and Vaadin's view access control, which reads each
 * view's {@code @RolesAllowed}. It serves every request the API's chain (identity, {@code @Order(1)}) does not.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class UiSecurity {

    @Bean
    SecurityFilterChain uiSecurityFilterChain(HttpSecurity http) throws Exception {
        // Before vaadin(): an API error forwarded to /error must keep its status, not become a redirect to login.
        // Webjars hold public front-end libraries (ECharts), served from the jar itself. Swagger UI's own webjar is
        // not served raw: its unmodified start page points browsers at an outside demo API (springdoc serves a
        // configured copy under /swagger-ui/ instead).
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/webjars/swagger-ui/**")
                .denyAll()
                .requestMatchers("/error", "/webjars/**")
                .permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .build();
    }
}
