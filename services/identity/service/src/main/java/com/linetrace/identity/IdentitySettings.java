package com.linetrace.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Identity and API security.
 *
 * @param demoUsers create the documented demo users (one per role) and the {@code demoEquipment} at start; for the
 *     demo plant only
 * @param maxRequestBody the largest request body the API accepts; larger ones are refused with 413
 * @param credentialCache how long a successful API sign-in is remembered (as a keyed hash), sparing the password
 *     hash check on every call; 0 turns it off
 * @param equipment the station equipment the plant registered (flash fixtures, key stations): equipment id to the
 *     hash of its secret as a password encoder writes it ({@code {bcrypt}$2a$…}); each signs in to the API with its
 *     id and secret and holds the role {@code EQUIPMENT} only. A plain-text secret stops the start
 * @param demoEquipment equipment ids created with {@code demoUsers}, each with its id as secret; for the demo only
 */
@ConfigurationProperties("linetrace.identity")
record IdentitySettings(
        @DefaultValue("false") boolean demoUsers,
        @DefaultValue("64KB") DataSize maxRequestBody,
        @DefaultValue("2m") Duration credentialCache,
        @DefaultValue Map<String, String> equipment,
        @DefaultValue List<String> demoEquipment) {}
