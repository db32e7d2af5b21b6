package com.linetrace.contracts.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AuditActionTests {

    @Test
    void everyActionTypeHasAStableName() {
        assertThat(AuditAction.TYPES.values())
                .containsExactlyInAnyOrder(Arrays.stream(AuditAction.class.getPermittedSubclasses())
                        .map(c -> c.asSubclass(AuditAction.class))
                        .toArray(Class[]::new));
    }

    @Test
    void roundTripsADiscardWithWhoWhenAndWhy() {
        var event = new AuditActionEvent(
                EventIds.next(),
                AuditAction.SCHEMA_VERSION,
                Instant.parse("2026-12-01T10:15:30.123Z"),
                "CA1",
                "quality",
                "10.20.0.7",
                new DeadLetterDiscarded(
                        "linetrace.equipment-results.v1.dlt",
                        2,
                        17,
                        "linetrace.equipment-results.v1",
                        "LTRCA000000015",
                        "test record from the bench"));

        var json = new String(AuditAction.CODEC.encode(event), StandardCharsets.UTF_8);

        assertThat(json)
                .contains(
                        "\"type\":\"DeadLetterDiscarded\"",
                        "\"actor\":\"quality\"",
                        "\"origin\":\"10.20.0.7\"",
                        "\"offset\":17");
        assertThat(AuditAction.CODEC.decode(AuditAction.CODEC.encode(event))).isEqualTo(event);
    }

    @Test
    void roundTripsADeviceHistoryRecordExportWithUnitFormatAndDigest() {
        var serial = com.linetrace.contracts.Serial.issue("LTRC", 42, 9).value();
        var event = new AuditActionEvent(
                EventIds.next(),
                AuditAction.SCHEMA_VERSION,
                Instant.parse("2026-12-01T10:15:30.123Z"),
                "CA1",
                "quality",
                new DeviceHistoryRecordExported(serial, "pdf", "ab".repeat(32), 4_096));

        var json = new String(AuditAction.CODEC.encode(event), StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"type\":\"DeviceHistoryRecordExported\"", "\"serial\":\"" + serial + "\"")
                .doesNotContain("origin");
        assertThat(AuditAction.CODEC.decode(AuditAction.CODEC.encode(event))).isEqualTo(event);
    }

    @Test
    void roundTripsASignatureWithPrintedNameTimeAndMeaning() {
        var serial = com.linetrace.contracts.Serial.issue("LTRC", 43, 9).value();
        var event = new AuditActionEvent(
                EventIds.next(),
                AuditAction.SCHEMA_VERSION,
                Instant.parse("2026-12-01T10:15:30.123Z"),
                "CA1",
                "quality",
                "10.20.0.7",
                new ElectronicSignature(
                        SignedAction.UNIT_RELEASE,
                        serial,
                        serial,
                        "Quality Lead",
                        SignatureMeaning.APPROVED,
                        Instant.parse("2026-12-01T10:15:30.100Z"),
                        "torque re-checked"));

        var json = new String(AuditAction.CODEC.encode(event), StandardCharsets.UTF_8);

        assertThat(json)
                .contains(
                        "\"type\":\"ElectronicSignature\"",
                        "\"printedName\":\"Quality Lead\"",
                        "\"meaning\":\"APPROVED\"",
                        "\"signedAt\":\"2026-12-01T10:15:30.100Z\"");
        assertThat(AuditAction.CODEC.decode(AuditAction.CODEC.encode(event))).isEqualTo(event);
    }

    @Test
    void refusesASignatureOfMarkupOrWithoutAName() {
        var serial = com.linetrace.contracts.Serial.issue("LTRC", 44, 9).value();
        var now = Instant.parse("2026-12-01T10:15:30Z");
        assertThatThrownBy(() -> new ElectronicSignature(
                        SignedAction.UNIT_SCRAP, serial, "<b>1</b>", "Q", SignatureMeaning.RESPONSIBLE, now, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ElectronicSignature(
                        SignedAction.UNIT_SCRAP, serial, serial, " ", SignatureMeaning.RESPONSIBLE, now, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesADeviceHistoryRecordExportOfSomethingThatIsNotASerialOrDigest() {
        var serial = com.linetrace.contracts.Serial.issue("LTRC", 42, 9).value();
        assertThatThrownBy(() -> new DeviceHistoryRecordExported("<b>1</b>", "pdf", "ab".repeat(32), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceHistoryRecordExported(serial, "pdf", "AB".repeat(32), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnActionWithoutAReason() {
        assertThatThrownBy(() -> new DeadLetterReplayed("t.dlt", 0, 1, "t", null, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason is required");
        assertThatThrownBy(() -> new DeadLetterReplayed("t.dlt", 0, 1, "t", null, "x".repeat(501)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saysWhatIsWrongWithAnUnreadableAction() {
        assertThatThrownBy(() -> AuditAction.CODEC.decode("{\"type\":\"Teleported\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("Unknown action type");
    }

    @Test
    void roundTripsAFirmwareApprovalWithTheSigningKeysFingerprintOnly() {
        var event = new AuditActionEvent(
                EventIds.next(),
                AuditAction.SCHEMA_VERSION,
                Instant.parse("2026-12-01T10:15:30.123Z"),
                "CA1",
                "quality",
                "10.20.0.7",
                new FirmwareApproved(
                        java.util.UUID.randomUUID(),
                        "AX4-ENT",
                        "FLIGHT_CONTROLLER",
                        "4.2.0",
                        "ab".repeat(32),
                        "engineer",
                        "0123456789abcdef",
                        "bench tests passed"));

        assertThat(AuditAction.CODEC.decode(AuditAction.CODEC.encode(event))).isEqualTo(event);
    }

    @Test
    void refusesAFirmwareActionWhoseKeyIsNotAFingerprint() {
        assertThatThrownBy(() -> new FirmwareRegistered(
                        java.util.UUID.randomUUID(),
                        "AX4-ENT",
                        "ESC",
                        "1.0",
                        "ab".repeat(32),
                        10,
                        "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fingerprint");
    }

    @Test
    void roundTripsAMasterDataChangeWithBeforeAndAfter() {
        var event = new AuditActionEvent(
                EventIds.next(),
                AuditAction.SCHEMA_VERSION,
                Instant.parse("2026-12-01T10:15:30.123Z"),
                "CA1",
                "engineer",
                "10.20.0.8",
                new MasterDataChanged(
                        "station", "TST-1", "{\"name\":\"Calibration\"}", "{\"name\":\"Calibration bay\"}"));

        var json = new String(AuditAction.CODEC.encode(event), StandardCharsets.UTF_8);

        assertThat(json).contains("\"type\":\"MasterDataChanged\"", "\"subject\":\"station\"");
        assertThat(AuditAction.CODEC.decode(AuditAction.CODEC.encode(event))).isEqualTo(event);
    }

    @Test
    void refusesAMasterDataChangeOfAnUnknownSubjectOrTooLargeToRecord() {
        assertThatThrownBy(() -> new MasterDataChanged("user", "bob", null, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new MasterDataChanged("route", "AX4-ENT", null, "x".repeat(MasterDataChanged.MAX_STATE + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsADataExportWrittenToTheExportFolder() {
        var event = new AuditActionEvent(
                EventIds.next(),
                AuditAction.SCHEMA_VERSION,
                Instant.parse("2026-12-01T10:15:30.123Z"),
                "CA1",
                "supervisor",
                "10.20.0.9",
                new DataExported(
                        "work-order-labels",
                        "pdf",
                        "workOrder=WO-000042",
                        24,
                        "cd".repeat(32),
                        "labels-WO-000042-20261201T101530Z.pdf"));

        assertThat(AuditAction.CODEC.decode(AuditAction.CODEC.encode(event))).isEqualTo(event);
    }

    @Test
    void roundTripsAFailedSignInWithItsReasonAndAUserChangeWithBeforeAndAfter() {
        var failed = new AuditActionEvent(
                EventIds.next(),
                AuditAction.SCHEMA_VERSION,
                Instant.parse("2026-12-01T10:15:30.123Z"),
                "CA1",
                "operator",
                "10.20.0.7",
                new SignInFailed("operator", SignInFailed.Reason.LOCKED_OUT, Instant.parse("2026-12-01T10:20:30Z")));
        var changed = new AuditActionEvent(
                EventIds.next(),
                AuditAction.SCHEMA_VERSION,
                Instant.parse("2026-12-01T10:15:30.123Z"),
                "CA1",
                "admin",
                "10.20.0.8",
                new UserChanged(
                        "operator",
                        "roles",
                        new UserAccount(java.util.List.of("OPERATOR"), true),
                        new UserAccount(java.util.List.of("OPERATOR", "SUPERVISOR"), true)));

        assertThat(new String(AuditAction.CODEC.encode(failed), StandardCharsets.UTF_8))
                .contains("\"type\":\"SignInFailed\"", "\"reason\":\"LOCKED_OUT\"");
        assertThat(AuditAction.CODEC.decode(AuditAction.CODEC.encode(failed))).isEqualTo(failed);
        assertThat(AuditAction.CODEC.decode(AuditAction.CODEC.encode(changed))).isEqualTo(changed);
    }

    @Test
    void roundTripsABadgeSignInAndReadsASignInWrittenBeforeBadgesAsAPasswordSignIn() {
        var badge = new AuditActionEvent(
                EventIds.next(),
                AuditAction.SCHEMA_VERSION,
                Instant.parse("2026-12-01T10:15:30.123Z"),
                "CA1",
                "operator",
                "10.20.0.7",
                new SignedIn("operator", java.util.List.of("OPERATOR"), SignedIn.BADGE));
        var older = """
                {"eventId":"0193d6a0-0000-7000-8000-000000000001","type":"SignedIn","schemaVersion":1,\
                "occurredAt":"2026-12-01T10:15:30Z","plant":"CA1","actor":"operator","origin":"10.20.0.7",\
                "body":{"username":"operator","roles":["OPERATOR"]}}""";

        assertThat(new String(AuditAction.CODEC.encode(badge), StandardCharsets.UTF_8))
                .contains("\"method\":\"badge\"");
        assertThat(AuditAction.CODEC.decode(AuditAction.CODEC.encode(badge))).isEqualTo(badge);
        assertThat(AuditAction.CODEC
                        .decode(older.getBytes(StandardCharsets.UTF_8))
                        .body())
                .isEqualTo(new SignedIn("operator", java.util.List.of("OPERATOR"), SignedIn.PASSWORD));
    }

    @Test
    void roundTripsTraceExportsWithAndWithoutTheFileTheyWentTo() {
        var serial = com.linetrace.contracts.Serial.issue("LTRC", 42, 9).value();
        for (AuditAction action : java.util.List.<AuditAction>of(
                new TraceExported("where-used", "csv", "lot=L1", 3, true),
                new TraceExported("where-used", "csv", "lot=L1", 3, true, "/srv/exports/where-used.csv"),
                new DeviceHistoryRecordExported(serial, "json", "ab".repeat(32), 10, "/srv/exports/dhr.json"))) {
            var event = new AuditActionEvent(
                    EventIds.next(), AuditAction.SCHEMA_VERSION, Instant.now(), "CA1", "quality", "::1", action);
            assertThat(AuditAction.CODEC.decode(AuditAction.CODEC.encode(event)))
                    .isEqualTo(event);
        }
    }
}
