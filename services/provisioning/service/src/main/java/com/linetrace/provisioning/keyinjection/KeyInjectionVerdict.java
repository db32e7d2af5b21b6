package com.linetrace.provisioning.keyinjection;

import com.linetrace.contracts.provisioning.KeyInjectionRejected;
import org.jspecify.annotations.Nullable;

/** Provisioning's answer to one key injection, with the key's fingerprint whenever the public key was readable. */
public record KeyInjectionVerdict(
        Verdict verdict,
        KeyInjectionRejected.@Nullable Code code,
        String message,
        @Nullable String fingerprint) {

    public enum Verdict {
        VERIFIED,
        REJECTED
    }
}
