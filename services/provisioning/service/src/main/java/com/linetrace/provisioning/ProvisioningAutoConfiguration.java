package com.linetrace.provisioning;

import com.linetrace.contracts.Topics;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.messaging.ServiceMessagingFactory;
import com.linetrace.provisioning.equipment.EquipmentConfiguration;
import com.linetrace.provisioning.firmware.FirmwareConfiguration;
import com.linetrace.provisioning.firmware.TrustedReleaseKeys;
import com.linetrace.provisioning.keyinjection.KeyInjectionConfiguration;
import com.linetrace.provisioning.keyinjection.KeyPolicy;
import com.linetrace.provisioning.keyinjection.PlantCa;
import com.linetrace.provisioning.secrets.SecretsConfiguration;
import com.linetrace.provisioning.unit.UnitConfiguration;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/** Provisioning's beans, for the plant in a box or for provisioning running alone. */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@EnableConfigurationProperties(ProvisioningSettings.class)
// Each feature names its own beans; imported classes are named by their full class names, so modules meeting in one
// plant with classes of the same simple name do not clash.
@Import({
    FirmwareConfiguration.class,
    KeyInjectionConfiguration.class,
    EquipmentConfiguration.class,
    UnitConfiguration.class,
    SecretsConfiguration.class,
    ProvisioningAutoConfiguration.Web.class
})
public class ProvisioningAutoConfiguration {

    static final String SCHEMA = "provisioning";

    private static final Logger log = LoggerFactory.getLogger(ProvisioningAutoConfiguration.class);

    /**
     * Provisioning's schema, its outbox of provisioning events and of people's decisions on releases (audit actions),
     * the inbox of the unit events and equipment results it consumes, and the topics it writes or dead-letters.
     */
    @Bean
    ServiceMessaging provisioningMessaging(ServiceMessagingFactory messaging) {
        return messaging
                .schema(SCHEMA)
                .withOutbox()
                .withInbox()
                .declaring(Topics.PROVISIONING_EVENTS, Topics.EQUIPMENT_RESULTS, Topics.AUDIT_ACTIONS)
                .build();
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

    /** Provisioning's refusals that are not an api's problem (private key material where a request is read). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(ProvisioningProblems.class)
    static class Web {}
}
