package com.linetrace.tracking.signature;

import com.linetrace.identity.api.Signatures;
import com.linetrace.messaging.Outbox;
import com.linetrace.tracking.TrackingSettings;
import com.linetrace.web.signature.ElectronicSignatures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Tracking's electronic signatures (DD018): identity's check over HTTP at {@code linetrace.tracking.identity-url}
 * where tracking runs apart from identity, otherwise identity's bean in this process (the plant); the signed records
 * and refusals through tracking's outbox.
 */
@Configuration(proxyBeanMethods = false)
public class SignatureConfiguration {

    @Bean
    ElectronicSignatures trackingSignatures(
            @Qualifier("identitySignatures") ObjectProvider<Signatures> identitySignatures,
            @Qualifier("trackingOutbox") Outbox trackingOutbox,
            PlatformTransactionManager transactions,
            TrackingSettings settings) {
        return ElectronicSignatures.of(
                settings.identityUrl(), identitySignatures, trackingOutbox::append, transactions, settings.plant());
    }
}
