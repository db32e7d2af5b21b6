package com.linetrace.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Identity and API security.
 *
 * @param demoUsers create the documented demo users (one per role) at start; for the demo plant only
 * @param maxRequestBody the largest request body the API accepts; larger ones are refused with 413
 * @param credentialCache how long a successful API sign-in is remembered (as a keyed hash), sparing the password
 *     hash check on every call; 0 turns it off
 */
@ConfigurationProperties("linetrace.identity")
record IdentitySettings(
        @DefaultValue("false") boolean demoUsers,
        @DefaultValue("64KB") DataSize maxRequestBody,
        @DefaultValue("2m") Duration credentialCache) {}
