package com.linetrace.provisioning.keyinjection;

import com.linetrace.provisioning.api.UnitKeyInjections;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The key-injection feature's beans: verification and, in a web application, a unit's key injections over HTTP. */
@Configuration(proxyBeanMethods = false)
@Import({KeyInjectionRepository.class, KeyInjectionVerification.class})
public class KeyInjectionConfiguration {

    /** The controller implements the api interface only to take its mapping: it is never a default candidate. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean(defaultCandidate = false)
        UnitKeyInjectionsController unitKeyInjectionsController(UnitKeyInjections unitKeyInjections) {
            return new UnitKeyInjectionsController(unitKeyInjections);
        }
    }
}
