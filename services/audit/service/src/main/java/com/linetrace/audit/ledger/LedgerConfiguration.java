package com.linetrace.audit.ledger;

import com.linetrace.audit.api.AuditLedger;
import com.linetrace.audit.verifier.NoteSigner;
import com.linetrace.audit.verifier.NoteVerifier;
import com.linetrace.contracts.Topics;
import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.messaging.ServiceMessagingFactory;
import com.linetrace.web.OpenEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger: its schema and outbox, the key, the writer, the listener, the schedule, the watch and the API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerSettings.class)
public class LedgerConfiguration {

    static final String SCHEMA = "audit";

    /**
     * The ledger's schema, and its outbox for its own alarm. It declares the topics it consumes, which every instance
     * of audit running alone must find.
     */
    @Bean
    ServiceMessaging auditMessaging(ServiceMessagingFactory messaging) {
        return messaging
                .schema(SCHEMA)
                .withOutbox()
                .declaring(
                        Topics.UNIT_EVENTS,
                        Topics.PROVISIONING_EVENTS,
                        Topics.AUDIT_ACTIONS,
                        Topics.EQUIPMENT_RESULTS,
                        Topics.LINE_EVENTS)
                .build();
    }

    /** The checkpoint key: in memory only, never logged, never in the database. */
    @Bean
    NoteSigner auditSigner(LedgerSettings settings) {
        return SigningKey.load(settings);
    }

    @Bean
    NoteVerifier auditVerifierKey(NoteSigner auditSigner) {
        return auditSigner.verifier();
    }

    /** Made once the schema is migrated, which its messaging does first. */
    @Bean
    LedgerRepository auditLedgerRepository(JdbcClient jdbc, ServiceMessaging auditMessaging) {
        return new LedgerRepository(jdbc);
    }

    @Bean
    LedgerWatch auditLedger(
            @Qualifier("auditMessaging") ServiceMessaging auditMessaging,
            TransactionTemplate transactions,
            LedgerSettings settings,
            ObjectProvider<MeterRegistry> meters) {
        return new LedgerWatch(
                auditMessaging.outbox(),
                transactions,
                settings,
                meters.getIfAvailable(SimpleMeterRegistry::new),
                Clock.systemUTC());
    }

    @Bean
    Ledger auditLedgerWriter(
            LedgerRepository auditLedgerRepository,
            TransactionTemplate transactions,
            NoteSigner auditSigner,
            LedgerSettings settings,
            LedgerWatch auditLedger) {
        return new Ledger(auditLedgerRepository, transactions, auditSigner, settings, auditLedger, Clock.systemUTC());
    }

    @Bean
    LedgerVerifier auditLedgerVerifier(
            LedgerRepository auditLedgerRepository, NoteVerifier auditVerifierKey, LedgerSettings settings) {
        return new LedgerVerifier(auditLedgerRepository, auditVerifierKey, settings, Clock.systemUTC());
    }

    @Bean
    AuditLedger auditLedgerService(
            LedgerRepository auditLedgerRepository,
            Ledger auditLedgerWriter,
            LedgerVerifier auditLedgerVerifier,
            LedgerWatch auditLedger,
            NoteVerifier auditVerifierKey,
            @Qualifier("auditMessaging") ServiceMessaging auditMessaging,
            TransactionTemplate transactions,
            LedgerSettings settings) {
        return new LedgerService(
                auditLedgerRepository,
                auditLedgerWriter,
                auditLedgerVerifier,
                auditLedger,
                auditVerifierKey,
                auditMessaging.outbox(),
                transactions,
                settings.plant(),
                Clock.systemUTC());
    }

    @Bean
    LedgerListener auditLedgerListener(Ledger auditLedgerWriter) {
        return new LedgerListener(auditLedgerWriter);
    }

    @Bean
    LedgerSchedule auditLedgerSchedule(
            Ledger auditLedgerWriter,
            LedgerVerifier auditLedgerVerifier,
            LedgerWatch auditLedger,
            LedgerSettings settings) {
        return new LedgerSchedule(auditLedgerWriter, auditLedgerVerifier, auditLedger, settings);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        /** The controller implements {@link AuditLedger} only to take its mappings: callers are given the service. */
        @Bean(defaultCandidate = false)
        LedgerController auditLedgerController(AuditLedger auditLedgerService) {
            return new LedgerController(auditLedgerService);
        }

        /** The public key is public: whoever checks the ledger needs it before anything else. */
        @Bean
        OpenEndpoint auditPublicKeyEndpoint() {
            return new OpenEndpoint(HttpMethod.GET, "/api/audit/public-key");
        }
    }
}
