package com.linetrace.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers a successful API sign-in for a short time, so that a station sending a scan a second does not pay
 * a bcrypt check (tens of milliseconds of CPU) on every call. Only a keyed hash of user and password is kept
 * (HMAC-SHA256 with a random key made at start), never the password; a wrong password always goes to the real
 * check. A disabled user or changed password takes effect within {@code ttl}.
 */
final class CachedCredentials implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    CachedCredentials(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        var secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    private record Entry(Authentication authentication, Instant expires) {}

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (ttl.isZero() || !(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        var fingerprint = fingerprint(authentication.getName(), password);
        var now = clock.instant();
        var cached = entries.get(fingerprint);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.authentication();
        }
        var result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(fingerprint, new Entry(result, now.plus(ttl)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String fingerprint(String user, String password) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
