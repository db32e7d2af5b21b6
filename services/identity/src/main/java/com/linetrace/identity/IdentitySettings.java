package com.linetrace.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Identity and API security.
 *
 * @param demoUsers create the documented demo users (one per role) at start; for the demo plant only
 * @param maxRequestBody the largest request body the API accepts; larger ones are refused with 413
 */
@ConfigurationProperties("linetrace.identity")
record IdentitySettings(
        @DefaultValue("false") boolean demoUsers,
        @DefaultValue("64KB") DataSize maxRequestBody) {}
