package com.linetrace.provisioning;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.equipment.EquipmentResult;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.equipment.FlashReported;
import com.linetrace.contracts.equipment.KeyInjectionReported;
import com.linetrace.provisioning.firmware.ReleaseManifest;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/** Small builders of the tests' data: releases, flash reports and key-injection reports. */
public final class Builders {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger VERSIONS = new AtomicInteger();

    private Builders() {}

    public static Serial newSerial() {
        return Serial.issue("LTRC", ThreadLocalRandom.current().nextLong(1, 1_000_000_000_000L), 9);
    }

    public static ReleaseBuilder aRelease() {
        return new ReleaseBuilder();
    }

    public static FlashBuilder aFlash(Serial serial, ReleaseBuilder release) {
        return new FlashBuilder(serial, release);
    }

    public static KeyInjectionBuilder aKeyInjection(Serial serial) {
        return new KeyInjectionBuilder(serial);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static final class ReleaseBuilder {
        String model = "AX4-ENT";
        FirmwareModule module = FirmwareModule.FLIGHT_CONTROLLER;
        String version = "4.2." + VERSIONS.incrementAndGet() + "-"
                + ThreadLocalRandom.current().nextInt(1_000_000);
        byte[] image = randomBytes(4096);
        KeyPair signer = TestPki.RELEASE_KEY;
        boolean tamper;

        public ReleaseBuilder model(String model) {
            this.model = model;
            return this;
        }

        public ReleaseBuilder module(FirmwareModule module) {
            this.module = module;
            return this;
        }

        public ReleaseBuilder signedBy(KeyPair signer) {
            this.signer = signer;
            return this;
        }

        /** Signs the manifest, then changes its version: the signature no longer covers what is registered. */
        public ReleaseBuilder withSignatureOverAnotherVersion() {
            this.tamper = true;
            return this;
        }

        public Sha256 sha256() {
            try {
                return Sha256.of(MessageDigest.getInstance("SHA-256").digest(image));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public ReleaseManifest manifest() {
            return new ReleaseManifest(model, module, version, sha256(), image.length);
        }

        public String json() {
            var signature = TestPki.sign(signer, manifest().canonicalBytes());
            var body = new LinkedHashMap<String, Object>();
            body.put("model", model);
            body.put("module", module.name());
            body.put("version", tamper ? version + ".1" : version);
            body.put("sha256", sha256().hex());
            body.put("size", image.length);
            body.put("signature", signature);
            return Builders.json(body);
        }
    }

    public static final class FlashBuilder {
        final Serial serial;
        final ReleaseBuilder release;
        Sha256 written;
        Sha256 readBack;

        FlashBuilder(Serial serial, ReleaseBuilder release) {
            this.serial = serial;
            this.release = release;
            this.written = release.sha256();
            this.readBack = written;
            this.model = release.model;
        }

        String fixture = "FIX-1";
        String station = "FW-1";
        String model;
        Instant reportedAt = Instant.now();

        public Serial serial() {
            return serial;
        }

        /** The fixture's own id in the report. */
        public FlashBuilder byFixture(String fixture) {
            this.fixture = fixture;
            return this;
        }

        public FlashBuilder atStation(String station) {
            this.station = station;
            return this;
        }

        /** The model the fixture reports (by default the release's). */
        public FlashBuilder ofModel(String model) {
            this.model = model;
            return this;
        }

        /** When the fixture's own clock says it flashed (Kafka only: the REST adapter stamps its own time). */
        public FlashBuilder reportedAt(Instant reportedAt) {
            this.reportedAt = reportedAt;
            return this;
        }

        public FlashBuilder writing(Sha256 image) {
            this.written = image;
            this.readBack = image;
            return this;
        }

        public FlashBuilder readingBack(Sha256 image) {
            this.readBack = image;
            return this;
        }

        public String json() {
            var body = new LinkedHashMap<String, Object>();
            body.put("serial", serial.value());
            body.put("line", "L1");
            body.put("station", station);
            body.put("model", model);
            body.put("module", release.module.name());
            body.put("version", release.version);
            body.put("sha256Written", written.hex());
            body.put("sha256ReadBack", readBack.hex());
            body.put("fixtureId", fixture);
            return Builders.json(body);
        }

        public EventEnvelope<EquipmentResult> event() {
            return new EventEnvelope<>(
                    EventIds.next(),
                    1,
                    reportedAt,
                    "CA1",
                    "L1",
                    station,
                    serial,
                    fixture,
                    new FlashReported(model, release.module, release.version, written, readBack, fixture));
        }
    }

    public static final class KeyInjectionBuilder {
        final Serial serial;
        KeyPair device = TestPki.p256();
        PublicKey certifiedKey;
        PublicKey reportedKey;
        TestPki.Ca issuer = TestPki.PLANT_CA;
        String subject;
        String csrSubject;
        boolean compressed;
        boolean certifiedAsCa;
        int keyUsage = org.bouncycastle.asn1.x509.KeyUsage.digitalSignature;
        Instant notBefore = Instant.now().minus(Duration.ofMinutes(5));
        Duration validity = Duration.ofDays(365);

        KeyInjectionBuilder(Serial serial) {
            this.serial = serial;
            this.subject = "CN=" + serial.value() + ",O=LineTrace";
            this.csrSubject = subject;
            this.certifiedKey = device.getPublic();
            this.reportedKey = device.getPublic();
        }

        public KeyInjectionBuilder withDeviceKey(KeyPair device) {
            this.device = device;
            this.certifiedKey = device.getPublic();
            this.reportedKey = device.getPublic();
            return this;
        }

        public KeyInjectionBuilder certifyingAnotherKey() {
            this.certifiedKey = TestPki.p256().getPublic();
            return this;
        }

        public KeyInjectionBuilder issuedBy(TestPki.Ca issuer) {
            this.issuer = issuer;
            return this;
        }

        /** The certificate's and the CSR's subject. */
        public KeyInjectionBuilder withSubject(String subject) {
            this.subject = subject;
            this.csrSubject = subject;
            return this;
        }

        /** The CSR's subject alone; the certificate keeps naming the serial. */
        public KeyInjectionBuilder withCsrSubject(String subject) {
            this.csrSubject = subject;
            return this;
        }

        /** Encodes the device's EC key with a compressed point, in the report, the CSR and the certificate. */
        public KeyInjectionBuilder compressed() {
            this.compressed = true;
            return this;
        }

        /** The device certificate's profile: a CA certificate or not, and its key usage bits (0: none). */
        public KeyInjectionBuilder certifiedAs(boolean ca, int keyUsage) {
            this.certifiedAsCa = ca;
            this.keyUsage = keyUsage;
            return this;
        }

        /** The report of someone who copied {@code key} (from another unit's certificate) without its private half. */
        public KeyInjectionBuilder claimingKey(PublicKey key) {
            this.reportedKey = key;
            this.certifiedKey = key;
            return this;
        }

        public KeyInjectionBuilder expired() {
            this.notBefore = Instant.now().minus(Duration.ofDays(30));
            this.validity = Duration.ofDays(1);
            return this;
        }

        public KeyPair device() {
            return device;
        }

        public KeyInjectionReported report() {
            return new KeyInjectionReported(
                    "SE-" + serial.value(),
                    "DEVICE_IDENTITY",
                    TestPki.pem(reportedKey, compressed),
                    TestPki.csr(device, csrSubject, compressed),
                    issuer.issue(
                            TestPki.spki(certifiedKey, compressed),
                            subject,
                            notBefore,
                            validity,
                            certifiedAsCa,
                            keyUsage),
                    "KEY-1");
        }

        public String json() {
            return json(report());
        }

        public String json(KeyInjectionReported report) {
            var body = new LinkedHashMap<String, Object>();
            body.put("serial", serial.value());
            body.put("line", "L1");
            body.put("secureElementId", report.secureElementId());
            body.put("keyPurpose", report.keyPurpose());
            body.put("publicKeyPem", report.publicKeyPem());
            body.put("csrPem", report.csrPem());
            body.put("certificatePem", report.certificatePem());
            body.put("stationId", report.stationId());
            return Builders.json(body);
        }

        public EventEnvelope<EquipmentResult> event() {
            return envelope(serial, "KEY-1", report());
        }
    }

    public static EventEnvelope<EquipmentResult> envelope(Serial serial, String station, EquipmentResult body) {
        return new EventEnvelope<>(EventIds.next(), 1, Instant.now(), "CA1", "L1", station, serial, "fixture", body);
    }

    public static byte[] randomBytesForTests(int n) {
        return randomBytes(n);
    }

    static byte[] randomBytes(int n) {
        var bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
