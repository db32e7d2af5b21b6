package com.linetrace.provisioning;

import com.linetrace.contracts.Topics;
import com.linetrace.messaging.Inbox;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.MessagingSettings;
import com.linetrace.messaging.Outbox;
import com.linetrace.messaging.OutboxRelay;
import com.linetrace.messaging.ServiceSchema;
import com.linetrace.provisioning.firmware.TrustedReleaseKeys;
import com.linetrace.provisioning.keyinjection.KeyPolicy;
import com.linetrace.provisioning.keyinjection.PlantCa;
import java.time.Clock;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Provisioning's beans, for the plant in a box or for provisioning running alone. */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
// Full class names as bean names: modules meeting in one plant have classes of the same simple name.
@ComponentScan(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@EnableConfigurationProperties(ProvisioningSettings.class)
public class ProvisioningAutoConfiguration {

    static final String SCHEMA = "provisioning";

    private static final Logger log = LoggerFactory.getLogger(ProvisioningAutoConfiguration.class);

    @Bean
    SpringLiquibase provisioningLiquibase(DataSource dataSource) {
        return ServiceSchema.liquibase(dataSource, SCHEMA);
    }

    @Bean
    OutboxRelay provisioningOutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            @Qualifier("linetraceKafkaTemplate") KafkaTemplate<String, byte[]> kafka,
            MessagingSettings settings,
            SpringLiquibase provisioningLiquibase) {
        return new OutboxRelay(SCHEMA, jdbc, transactions, kafka, settings);
    }

    @Bean
    Outbox provisioningOutbox(JdbcClient jdbc, OutboxRelay provisioningOutboxRelay) {
        return new Outbox(jdbc, SCHEMA, provisioningOutboxRelay);
    }

    @Bean
    Inbox provisioningInbox(JdbcClient jdbc, SpringLiquibase provisioningLiquibase) {
        return new Inbox(jdbc, SCHEMA);
    }

    @Bean
    KafkaAdmin.NewTopics provisioningEventTopics(MessagingSettings settings) {
        return MessagingAutoConfiguration.topicWithDeadLetter(Topics.PROVISIONING_EVENTS, settings);
    }

    /** Provisioning consumes equipment results and dead-letters them, so it makes sure both topics exist. */
    @Bean
    KafkaAdmin.NewTopics provisioningEquipmentResultTopics(MessagingSettings settings) {
        return MessagingAutoConfiguration.topicWithDeadLetter(Topics.EQUIPMENT_RESULTS, settings);
    }

    @Bean
    TrustedReleaseKeys trustedReleaseKeys(ProvisioningSettings settings, ResourceLoader resources) {
        var keys = TrustedReleaseKeys.fromSettings(settings.trustedReleaseKeys(), resources);
        if (keys.isEmpty()) {
            log.warn("No trusted release keys configured (linetrace.provisioning.trusted-release-keys):"
                    + " no firmware release can be registered");
        } else {
            log.info("Trusting firmware releases signed by key ids {}", keys.ids());
        }
        return keys;
    }

    @Bean
    PlantCa plantCa(ProvisioningSettings settings, ResourceLoader resources, Clock provisioningClock) {
        var ca = PlantCa.fromSetting(settings.plantCaCertificate(), resources);
        var problem = ca.problem(provisioningClock.instant());
        if (problem.isPresent()) {
            if (settings.invalidPlantCa() == ProvisioningSettings.InvalidPlantCa.REFUSE_START) {
                throw new IllegalStateException(problem.get() + " (linetrace.provisioning.plant-ca-certificate)."
                        + " Configure a valid plant CA, or set linetrace.provisioning.invalid-plant-ca="
                        + "reject-key-injections to start and reject every key injection");
            }
            log.error(
                    "PLANT CA UNFIT: {}. Every key injection will be rejected (PLANT_CA_INVALID) until a valid plant CA"
                            + " is configured (linetrace.provisioning.plant-ca-certificate)",
                    problem.get());
        }
        ca.certificate()
                .ifPresentOrElse(
                        certificate -> log.info(
                                "Device certificates must chain to the plant CA {}",
                                certificate.getSubjectX500Principal().getName()),
                        () -> log.warn("No plant CA configured (linetrace.provisioning.plant-ca-certificate):"
                                + " every key injection will be rejected"));
        return ca;
    }

    @Bean
    KeyPolicy keyPolicy(ProvisioningSettings settings) {
        var policy = KeyPolicy.of(settings.keyAlgorithms());
        log.info("Device keys must be one of {}", policy.allowedAlgorithms());
        return policy;
    }

    @Bean
    @ConditionalOnMissingBean(name = "provisioningClock")
    Clock provisioningClock() {
        return Clock.systemUTC();
    }
}
