package com.linetrace.web;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * What every LineTrace answer tells a browser beside Spring Security's defaults ({@code X-Content-Type-Options:
 * nosniff}, {@code X-Frame-Options: DENY}, no caching of authenticated answers, HSTS over HTTPS): a Content Security
 * Policy that keeps a page to the process that served it and lets no other site frame it, no {@code Referer} to
 * another site, and no camera, microphone or location for any page.
 */
public final class SecurityHeaders {

    /** An API answer (JSON, CSV, PDF) needs nothing from a browser: nothing may run, load or frame it. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** Swagger UI's pages: their scripts, styles and images from this process only. */
    static final String SWAGGER_UI_POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                    + " object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /**
     * The Vaadin UI: as strict as Vaadin allows. Vaadin starts its client engine with an inline script and runs the
     * server's JavaScript expressions as functions, so it needs {@code 'unsafe-inline' 'unsafe-eval'} for scripts and
     * inline styles (vaadin.com/docs, "Content Security Policy"); everything still comes from the plant itself.
     */
    static final String UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /** No LineTrace page uses a device of the browser's machine; a station's scanner is a keyboard. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), usb=(), payment=()";

    private SecurityHeaders() {}

    /** For the chain of the API, the actuator and Swagger UI. */
    static Customizer<HeadersConfigurer<HttpSecurity>> api() {
        var swaggerUi = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));
        return headers -> headers.addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(swaggerUi, policy(SWAGGER_UI_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(swaggerUi), policy(API_POLICY)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }

    /**
     * For the chain of the UI's pages. Written before the request goes on: Vaadin's servlet commits its pages in a way
     * that never reaches Spring Security's usual writing of headers on commit, and those pages went out with none.
     * Vaadin then leaves the {@code X-Frame-Options: DENY} it finds in place of its own SAMEORIGIN.
     */
    public static Customizer<HeadersConfigurer<HttpSecurity>> ui() {
        return headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(UI_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }

    private static HeaderWriter policy(String directives) {
        return new StaticHeadersWriter("Content-Security-Policy", directives);
    }
}
