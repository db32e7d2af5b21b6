package com.linetrace.tracking.signature;

import com.linetrace.identity.api.SignatureProblem;
import com.linetrace.identity.api.Signatures;
import com.linetrace.messaging.Outbox;
import com.linetrace.tracking.TrackingSettings;
import com.linetrace.web.ServiceClients;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Electronic signatures: identity's check over HTTP at {@code linetrace.tracking.identity-url} where tracking runs
 * apart from identity, otherwise identity's bean in this process (the plant), looked up when someone signs.
 */
@Configuration(proxyBeanMethods = false)
public class SignatureConfiguration {

    @Bean
    ElectronicSignatures trackingSignatures(
            @Qualifier("identitySignatures") ObjectProvider<Signatures> identitySignatures,
            @Qualifier("trackingOutbox") Outbox trackingOutbox,
            PlatformTransactionManager transactions,
            TrackingSettings settings) {
        var url = settings.identityUrl();
        var remote = url == null
                ? null
                : ServiceClients.client(
                        "identity",
                        url,
                        Signatures.class,
                        SignatureProblem.class,
                        SignatureProblem.SIGNATURE_UNAVAILABLE);
        return new ElectronicSignatures(
                remote != null ? () -> remote : identitySignatures::getIfAvailable,
                trackingOutbox,
                transactions,
                settings.plant(),
                Clock.systemUTC());
    }
}
