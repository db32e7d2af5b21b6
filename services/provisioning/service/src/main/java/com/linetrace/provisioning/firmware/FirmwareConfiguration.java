package com.linetrace.provisioning.firmware;

import com.linetrace.provisioning.api.FirmwareReleaseCatalog;
import com.linetrace.provisioning.api.UnitFlashes;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The firmware feature's beans: releases, flash verification and, in a web application, their HTTP API. */
@Configuration(proxyBeanMethods = false)
@Import({ReleaseRepository.class, FlashRepository.class, FirmwareReleases.class, FlashVerification.class})
public class FirmwareConfiguration {

    /**
     * The controllers implement the api interfaces too, only to take their mappings: they are never what a caller
     * of the api is given (not default candidates), the services behind them are.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean(defaultCandidate = false)
        FirmwareReleaseController firmwareReleaseController(FirmwareReleaseCatalog catalog) {
            return new FirmwareReleaseController(catalog);
        }

        @Bean(defaultCandidate = false)
        UnitFlashesController unitFlashesController(UnitFlashes unitFlashes) {
            return new UnitFlashesController(unitFlashes);
        }
    }
}
