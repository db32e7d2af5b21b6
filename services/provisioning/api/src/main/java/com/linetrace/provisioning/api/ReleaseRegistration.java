package com.linetrace.provisioning.api;

/**
 * A release as release engineering submits it: the manifest's fields and the base64 Ed25519 signature over its
 * canonical form.
 *
 * @param module a {@link com.linetrace.contracts.equipment.FirmwareModule} name, e.g. FLIGHT_CONTROLLER
 * @param sha256 the image's SHA-256 in hexadecimal
 * @param size the image's size in bytes
 */
public record ReleaseRegistration(
        String model, String module, String version, String sha256, long size, String signature) {}
