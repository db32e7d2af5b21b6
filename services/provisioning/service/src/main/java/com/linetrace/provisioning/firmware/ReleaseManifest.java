package com.linetrace.provisioning.firmware;

import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.equipment.FirmwareModule;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What a release signature covers. Its canonical form is UTF-8 text of exactly these six lines, each ended by
 * a line feed ({@code \n}), no other whitespace, the hash in lower case and the size in decimal bytes:
 *
 * <pre>
 * linetrace-firmware-release-v1
 * model=AX4-ENT
 * module=FLIGHT_CONTROLLER
 * version=4.2.1
 * sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * size=1048576
 * </pre>
 *
 * The release tooling signs these bytes with Ed25519 (RFC 8032, pure, no pre-hash) and submits the 64-byte
 * signature in base64. Models and versions are restricted to characters that cannot break the line structure,
 * so two different manifests never have the same canonical form.
 */
public record ReleaseManifest(String model, FirmwareModule module, String version, Sha256 sha256, long sizeBytes) {

    static final String HEADER = "linetrace-firmware-release-v1";
    private static final Pattern MODEL = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}");

    public ReleaseManifest {
        if (model == null || !MODEL.matcher(model).matches()) {
            throw new IllegalArgumentException(
                    "model must be 1 to 32 capital letters, digits or '-', starting with a letter or digit");
        }
        if (module == null) {
            throw new IllegalArgumentException("module is required");
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException(
                    "version must be 1 to 64 letters, digits or '.', '+', '_', '-', starting with a letter or digit");
        }
        if (sha256 == null) {
            throw new IllegalArgumentException("sha256 is required");
        }
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("size must be a positive number of bytes");
        }
    }

    public String canonicalText() {
        return HEADER + "\n"
                + "model=" + model + "\n"
                + "module=" + module.name() + "\n"
                + "version=" + version + "\n"
                + "sha256=" + sha256.hex() + "\n"
                + "size=" + sizeBytes + "\n";
    }

    public byte[] canonicalBytes() {
        return canonicalText().getBytes(StandardCharsets.UTF_8);
    }
}
