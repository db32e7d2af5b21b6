package com.linetrace.provisioning.secrets;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** In a web application, the check of every request body of provisioning's API for private key material. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(RefusePrivateKeysInRequests.class)
public class SecretsConfiguration {}
