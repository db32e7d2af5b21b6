package com.linetrace.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The demo line's flash fixture and key station. At set-up, release engineering registers one release per module
 * of {@link DemoLine#MODEL}, signed with the demo release key, and quality approves them; one older release is
 * approved and then revoked, so every state shows. Versions carry the start time: each start has a new release
 * key, so releases of an earlier run no longer verify and are not reused.
 */
public final class Equipment {

    public static final String FIXTURE = "FIX-FW-1";
    private static final String OLD_VERSION = "4.1.0";
    private static final String VERSION = "4.2.0";

    private final DemoProvisioningKeys keys;
    private final Map<String, Release> releases;
    private final Release revoked;
    private volatile @Nullable KeyPair lastDeviceKey;

    private Equipment(DemoProvisioningKeys keys, Map<String, Release> releases, Release revoked) {
        this.keys = keys;
        this.releases = Map.copyOf(releases);
        this.revoked = revoked;
    }

    /** A firmware image of a release, known by its hash (no image is uploaded: the signed manifest is the record). */
    record Release(String module, String version, String sha256, long size) {}

    /**
     * Registers the releases as {@code engineer} and approves (and, for the old one, revokes) them as
     * {@code quality}, who signs each decision with {@code qualityPassword}.
     */
    public static Equipment setUp(
            DemoProvisioningKeys keys, PlantClient engineer, PlantClient quality, String qualityPassword) {
        var stamp = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").format(ZonedDateTime.now(ZoneOffset.UTC));
        var current = new LinkedHashMap<String, Release>();
        for (var module : DemoLine.FIRMWARE_MODULES) {
            var release = release(module, VERSION + "+demo" + stamp);
            var id = register(keys, engineer, release);
            quality.approveRelease(id, "Demo release: passed the bench tests of this run", qualityPassword);
            current.put(module, release);
        }
        var old = release(DemoLine.FIRMWARE_MODULES.getFirst(), OLD_VERSION + "+demo" + stamp);
        var oldId = register(keys, engineer, old);
        quality.approveRelease(oldId, "Demo release: the previous flight controller image", qualityPassword);
        quality.revokeRelease(oldId, "Demo: superseded after a field report of GNSS dropouts", qualityPassword);
        return new Equipment(keys, current, old);
    }

    /** The equipment without releases registered, for tests of the key station. */
    static Equipment of(DemoProvisioningKeys keys) {
        var none = release(DemoLine.FIRMWARE_MODULES.getFirst(), OLD_VERSION);
        return new Equipment(keys, Map.of(), none);
    }

    private static String register(DemoProvisioningKeys keys, PlantClient engineer, Release release) {
        var manifest = "linetrace-firmware-release-v1\n"
                + "model=" + DemoLine.MODEL + "\n"
                + "module=" + release.module() + "\n"
                + "version=" + release.version() + "\n"
                + "sha256=" + release.sha256() + "\n"
                + "size=" + release.size() + "\n";
        return engineer.registerRelease(
                DemoLine.MODEL,
                release.module(),
                release.version(),
                release.sha256(),
                release.size(),
                keys.signRelease(manifest.getBytes(StandardCharsets.UTF_8)));
    }

    private static Release release(String module, String version) {
        var image = "LineTrace demo image " + DemoLine.MODEL + " " + module + " " + version;
        return new Release(module, version, sha256(image), 1_048_576L + Math.abs(image.hashCode() % 65_536));
    }

    /** The fixture's report of a good flash of the approved release of {@code module}. */
    public PlantClient.Flash flash(String serial, String module) {
        var release = releases.get(module);
        return new PlantClient.Flash(
                serial,
                DemoLine.FLASH_STATION,
                DemoLine.MODEL,
                module,
                release.version(),
                release.sha256(),
                release.sha256(),
                FIXTURE);
    }

    /** The fixture's reports of a good flash of every module of the route, in the route's order. */
    List<PlantClient.Flash> flashes(String serial) {
        return DemoLine.FIRMWARE_MODULES.stream()
                .map(module -> flash(serial, module))
                .toList();
    }

    /** The fixture's report of a flash that provisioning must reject. */
    PlantClient.Flash flash(String serial, Step.FlashFault fault) {
        var good = flash(serial, fault.module());
        return switch (fault.kind()) {
            case READ_BACK_MISMATCH ->
                new PlantClient.Flash(
                        serial,
                        good.station(),
                        good.model(),
                        good.module(),
                        good.version(),
                        good.sha256Written(),
                        sha256("a flash interrupted at " + serial),
                        FIXTURE);
            case REVOKED_RELEASE ->
                new PlantClient.Flash(
                        serial,
                        good.station(),
                        good.model(),
                        revoked.module(),
                        revoked.version(),
                        revoked.sha256(),
                        revoked.sha256(),
                        FIXTURE);
        };
    }

    /**
     * The key station's report for {@code serial}: a fresh device key pair (as the secure element makes it, kept
     * only as the last one, in memory), or the previous unit's when {@code reuse}; the identity is certified by the
     * demo CA.
     */
    public DemoProvisioningKeys.DeviceIdentity identity(String serial, boolean reuse) {
        var previous = lastDeviceKey;
        KeyPair device;
        if (reuse && previous != null) {
            device = previous;
        } else {
            device = DemoProvisioningKeys.deviceKeyPair();
            lastDeviceKey = device;
        }
        return keys.identity(serial, device);
    }

    /**
     * The key station's report for {@code serial} with a fresh device key pair that is not kept even as the last one,
     * so that no later report can reuse it: for units the simulator does not walk, which must never take part in its
     * planned key-reuse slips.
     */
    DemoProvisioningKeys.DeviceIdentity freshIdentity(String serial) {
        return keys.identity(serial, DemoProvisioningKeys.deviceKeyPair());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
