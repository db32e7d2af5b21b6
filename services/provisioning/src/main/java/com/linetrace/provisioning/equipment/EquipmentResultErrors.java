package com.linetrace.provisioning.equipment;

import com.linetrace.contracts.MalformedEventException;
import com.linetrace.contracts.MalformedSerialException;
import com.linetrace.messaging.DeadLetters;
import com.linetrace.messaging.MessagingSettings;
import com.linetrace.provisioning.secrets.PrivateKeyMaterialException;
import com.linetrace.provisioning.secrets.RedactingDeadLetterRecoverer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Error handling of the equipment-results listener: the shared policy (bounded retries, then the dead-letter
 * topic, unreadable records not retried), except that the dead letter of a record holding private key material
 * is redacted rather than a copy.
 */
@Configuration(proxyBeanMethods = false)
class EquipmentResultErrors {

    static final String BEAN = "provisioningEquipmentResultsContainerPostProcessor";

    @Bean(BEAN)
    ContainerPostProcessor<String, byte[], AbstractMessageListenerContainer<String, byte[]>>
            provisioningEquipmentResultsContainerPostProcessor(
                    @Qualifier("linetraceKafkaTemplate") KafkaTemplate<String, byte[]> kafka,
                    MessagingSettings settings) {
        var handler = new DefaultErrorHandler(
                new RedactingDeadLetterRecoverer(kafka, new DeadLetters(kafka)),
                new FixedBackOff(settings.retryBackoff().toMillis(), settings.retries()));
        handler.addNotRetryableExceptions(
                PrivateKeyMaterialException.class,
                MalformedEventException.class,
                MalformedSerialException.class,
                IllegalArgumentException.class);
        return container -> container.setCommonErrorHandler(handler);
    }
}
