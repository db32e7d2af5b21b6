package com.linetrace.provisioning.equipment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The equipment results' one path, their Kafka listener and, in a web application, their REST adapters. */
@Configuration(proxyBeanMethods = false)
@Import({EquipmentResults.class, EquipmentResultListener.class, EquipmentResultErrors.class})
public class EquipmentConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(EquipmentResultController.class)
    static class Web {}
}
