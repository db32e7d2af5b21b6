package com.linetrace.provisioning.firmware;

import com.linetrace.identity.api.Signatures;
import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.provisioning.ProvisioningSettings;
import com.linetrace.provisioning.api.FirmwareReleaseCatalog;
import com.linetrace.provisioning.api.UnitFlashes;
import com.linetrace.web.signature.ElectronicSignatures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/** The firmware feature's beans: releases, flash verification and, in a web application, their HTTP API. */
@Configuration(proxyBeanMethods = false)
@Import({ReleaseRepository.class, FlashRepository.class, FirmwareReleases.class, FlashVerification.class})
public class FirmwareConfiguration {

    /**
     * Electronic signatures on approvals and revocations (DD018): identity's check over HTTP at {@code
     * linetrace.provisioning.identity-url} where provisioning runs apart from identity, otherwise identity's bean in
     * this process (the plant); the signed records and refusals through provisioning's outbox.
     */
    @Bean
    ElectronicSignatures provisioningSignatures(
            @Qualifier("identitySignatures") ObjectProvider<Signatures> identitySignatures,
            @Qualifier("provisioningMessaging") ServiceMessaging messaging,
            PlatformTransactionManager transactions,
            ProvisioningSettings settings) {
        var outbox = messaging.outbox();
        return ElectronicSignatures.of(
                settings.identityUrl(), identitySignatures, outbox::append, transactions, settings.plant());
    }

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
