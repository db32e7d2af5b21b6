package com.linetrace.web;

import com.linetrace.web.export.ExportDesk;
import com.linetrace.web.export.OfflineSettings;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JacksonModule;

/**
 * The HTTP side of every LineTrace service process: the API's security chain, problem+json answers, the body limit and
 * the free-text check. Before Boot's resource server configuration, so there is one token decoder, ours, with the
 * plant's issuer, audience and clock skew.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties({SecuritySettings.class, OfflineSettings.class})
@Import(ApiSecurity.class)
public class WebAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebAutoConfiguration.class);

    /** Where exports may go: the offline mode and the export folder, the same in every process. */
    @Bean
    ExportDesk linetraceExportDesk(OfflineSettings settings) {
        if (settings.enabled()) {
            log.warn(
                    "OFFLINE MODE (linetrace.offline.enabled): nothing is handed out; exports go only to {}",
                    settings.exportDir() == null
                            ? "no folder (linetrace.offline.export-dir is not set)"
                            : settings.exportDir());
        }
        return new ExportDesk(settings, Clock.systemUTC());
    }

    /** Every string of every API request body is checked as free text once, where it enters. */
    @Bean
    JacksonModule linetraceRequestText() {
        return new RequestText();
    }

    /** Every API endpoint's roles, checked before its request body is read ({@link RoleGate}). */
    @Bean
    WebMvcConfigurer linetraceRoleGate() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RoleGate())
                        .addPathPatterns("/api/**")
                        .order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }

    @Bean
    ApiProblems linetraceApiProblems() {
        return new ApiProblems();
    }

    /**
     * Identity's tokens, verified with the key of the identity in this process (and its check that the holder's
     * credentials did not change since) or else with the configured public key file; a process with neither could let
     * nobody in, so it does not start.
     */
    @Bean
    JwtDecoder linetraceTokenDecoder(
            SecuritySettings settings, ObjectProvider<TokenKey> inProcess, ObjectProvider<TokenHolderCheck> holders) {
        var key = inProcess.getIfAvailable();
        if (key != null) {
            return BearerTokens.decoder(key.publicKey(), settings.token(), holders.getIfAvailable());
        }
        var file = settings.token().publicKey();
        if (file == null) {
            throw new IllegalStateException("linetrace.security.token.public-key is not set: a LineTrace process apart"
                    + " from identity verifies identity's tokens with identity's public key. Set it to a PEM file of"
                    + " that key (identity serves it at GET /api/tokens/public-key)");
        }
        return BearerTokens.decoder(BearerTokens.readPublicKey(file), settings.token());
    }
}
