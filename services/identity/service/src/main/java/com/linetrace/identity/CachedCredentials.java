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
 * check. A remembered sign-in holds the user's credential version ({@link CredentialVersions}) and is used only while
 * it is still the user's: a new password, a disabled user or changed roles end it at the next call, whichever identity
 * instance made the change. That costs one indexed read per call instead of a bcrypt check.
 */
final class CachedCredentials implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final CredentialVersions versions;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    CachedCredentials(AuthenticationProvider delegate, CredentialVersions versions, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.versions = versions;
        this.ttl = ttl;
        this.clock = clock;
        var secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    private record Entry(Authentication authentication, long version, Instant expires) {}

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (ttl.isZero() || !(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        var fingerprint = fingerprint(authentication.getName(), password);
        var now = clock.instant();
        var cached = entries.get(fingerprint);
        if (cached != null && cached.expires().isAfter(now)) {
            var current = versions.of(authentication.getName());
            if (current != null && current == cached.version()) {
                return cached.authentication();
            }
            entries.remove(fingerprint);
        }
        // Read before the check: a change made meanwhile leaves an older version here, which the next call refuses.
        var version = versions.of(authentication.getName());
        var result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated() && version != null) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(fingerprint, new Entry(result, version, now.plus(ttl)));
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
