package com.linetrace.provisioning.equipment;

import com.linetrace.contracts.secrets.PrivateKeyMaterialException;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.MessagingSettings;
import com.linetrace.provisioning.secrets.RedactingDeadLetterRecoverer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Error handling of the equipment-results listener: the shared policy (waits while the database is away, bounded
 * retries, then the dead-letter topic, unreadable records not retried), except that the dead letter of a record
 * holding private key material is redacted rather than a copy.
 */
@Configuration(proxyBeanMethods = false)
class EquipmentResultErrors {

    static final String BEAN = "provisioningEquipmentResultsContainerPostProcessor";

    @Bean(BEAN)
    ContainerPostProcessor<String, byte[], AbstractMessageListenerContainer<String, byte[]>>
            provisioningEquipmentResultsContainerPostProcessor(
                    @Qualifier("linetraceKafkaTemplate") KafkaTemplate<String, byte[]> kafka,
                    MessagingSettings settings) {
        var handler = MessagingAutoConfiguration.errorHandler(
                new RedactingDeadLetterRecoverer(kafka, MessagingAutoConfiguration.deadLetterRecoverer(kafka)),
                settings,
                PrivateKeyMaterialException.class);
        return container -> container.setCommonErrorHandler(handler);
    }
}
