package com.linetrace.provisioning.keyinjection;

import java.util.List;
import java.util.Set;

/**
 * The device keys the plant accepts, by algorithm as {@link PublicKeys#algorithm} names them ({@code P-256},
 * {@code P-384}, {@code Ed25519}, {@code RSA-2048}…). The secure element makes EC P-256 keys: by default nothing else.
 */
public record KeyPolicy(Set<String> allowedAlgorithms) {

    public static final KeyPolicy DEFAULT = of(List.of("P-256"));

    public KeyPolicy {
        allowedAlgorithms = Set.copyOf(allowedAlgorithms);
    }

    public static KeyPolicy of(List<String> algorithms) {
        return new KeyPolicy(Set.copyOf(algorithms.stream().map(String::strip).toList()));
    }

    boolean allows(String algorithm) {
        return allowedAlgorithms.contains(algorithm);
    }
}
