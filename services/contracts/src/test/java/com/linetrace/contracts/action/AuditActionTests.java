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
        assertThatThrownBy(
                        () -> AuditAction.CODEC.decode("{\"type\":\"NoSuchAction\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("Unknown action type");
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
}
