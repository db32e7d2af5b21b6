package com.linetrace.trace.query;

import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.trace.api.DeviceKey;
import com.linetrace.trace.api.HoldRecord;
import com.linetrace.trace.api.ModuleFirmware;
import com.linetrace.trace.api.OperationRecord;
import com.linetrace.trace.api.ProvisioningRecord;
import com.linetrace.trace.api.UnitSummary;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One unit's rows of the read model, each read through its primary key's serial prefix. */
class UnitRepository {

    private final JdbcClient jdbc;

    UnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UnitSummary> unit(String serial) {
        return jdbc.sql("select " + UnitRows.COLUMNS + " from trace.unit u where u.serial = :serial")
                .param("serial", serial)
                .query(UnitRows::summary)
                .optional();
    }

    /** Those of {@code serials} that are units trace has recorded. */
    Set<String> knownUnits(Collection<String> serials) {
        if (serials.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select serial from trace.unit where serial in (:serials)")
                .param("serials", serials)
                .query(String.class)
                .list());
    }

    /** A part as installed; {@link #parts} keeps them in operation order, then the order they were installed. */
    record PartRow(
            int operation,
            String partNumber,
            @Nullable String lot,
            @Nullable String partSerial,
            int quantity,
            @Nullable String referenceDesignator,
            @Nullable String station,
            String actor,
            Instant installedAt) {}

    List<PartRow> parts(String serial) {
        return jdbc.sql("""
                        select operation, part_number, lot, part_serial, quantity, reference_designator, station, actor,
                            installed_at
                        from trace.installed_part where serial = :serial order by operation, installed_at, event_id""")
                .param("serial", serial)
                .query((rs, row) -> new PartRow(
                        rs.getInt("operation"),
                        rs.getString("part_number"),
                        rs.getString("lot"),
                        rs.getString("part_serial"),
                        rs.getInt("quantity"),
                        rs.getString("reference_designator"),
                        rs.getString("station"),
                        rs.getString("actor"),
                        rs.getTimestamp("installed_at").toInstant()))
                .list();
    }

    /** The name of each operation the unit was checked in for, by operation number. */
    Map<Integer, String> operationNames(String serial) {
        return jdbc
                .sql("""
                        select distinct on (operation) operation, operation_name from trace.operation_visit
                        where serial = :serial order by operation, arrived_at""")
                .param("serial", serial)
                .query((rs, row) -> Map.entry(rs.getInt("operation"), rs.getString("operation_name")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<ModuleFirmware> firmware(String serial) {
        return jdbc.sql("""
                        select module, release_id, model, version, sha256, fixture_id, station, verified_at, revoked_reason
                        from trace.module_firmware where serial = :serial order by module""")
                .param("serial", serial)
                .query((rs, row) -> new ModuleFirmware(
                        FirmwareModule.valueOf(rs.getString("module")),
                        rs.getObject("release_id", UUID.class),
                        rs.getString("model"),
                        rs.getString("version"),
                        rs.getString("sha256"),
                        rs.getString("fixture_id"),
                        rs.getString("station"),
                        rs.getTimestamp("verified_at").toInstant(),
                        rs.getString("revoked_reason")))
                .list();
    }

    /** The unit's latest reported key. */
    Optional<DeviceKey> key(String serial) {
        return jdbc.sql("""
                        select fingerprint, subject, issuer, secure_element_id, key_purpose, certificate_pem, station,
                            reported_at, verified, rejection_code, rejection_reason
                        from trace.device_key where serial = :serial order by reported_at desc limit 1""")
                .param("serial", serial)
                .query((rs, row) -> new DeviceKey(
                        rs.getString("fingerprint"),
                        rs.getString("subject"),
                        rs.getString("issuer"),
                        rs.getString("secure_element_id"),
                        rs.getString("key_purpose"),
                        rs.getString("certificate_pem"),
                        rs.getString("station"),
                        rs.getTimestamp("reported_at").toInstant(),
                        rs.getBoolean("verified"),
                        rs.getString("rejection_code"),
                        rs.getString("rejection_reason")))
                .optional();
    }

    List<OperationRecord> operations(String serial) {
        return jdbc.sql("""
                        select operation, operation_name, station_kind, station, operator, rework, arrived_at,
                            completed_at, result, defects, departed_at
                        from trace.operation_visit where serial = :serial order by arrived_at, event_id""")
                .param("serial", serial)
                .query((rs, row) -> new OperationRecord(
                        rs.getInt("operation"),
                        rs.getString("operation_name"),
                        rs.getString("station_kind"),
                        rs.getString("station"),
                        rs.getString("operator"),
                        rs.getBoolean("rework"),
                        rs.getTimestamp("arrived_at").toInstant(),
                        instant(rs, "completed_at"),
                        rs.getString("result"),
                        texts(rs.getArray("defects")),
                        instant(rs, "departed_at")))
                .list();
    }

    List<HoldRecord> holds(String serial) {
        return jdbc.sql("""
                        select kind, reason, actor, station, at from trace.unit_hold
                        where serial = :serial order by at, event_id""")
                .param("serial", serial)
                .query((rs, row) -> new HoldRecord(
                        rs.getString("kind"),
                        rs.getString("reason"),
                        rs.getString("actor"),
                        rs.getString("station"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    List<ProvisioningRecord> provisioning(String serial) {
        return jdbc.sql("""
                        select event_id, type, occurred_at, station, actor, module, release_id, version, sha256,
                            fingerprint, code, reason
                        from trace.provisioning_record where serial = :serial order by occurred_at, event_id""")
                .param("serial", serial)
                .query((rs, row) -> new ProvisioningRecord(
                        rs.getObject("event_id", UUID.class),
                        rs.getString("type"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("station"),
                        rs.getString("actor"),
                        rs.getString("module"),
                        rs.getObject("release_id", UUID.class),
                        rs.getString("version"),
                        rs.getString("sha256"),
                        rs.getString("fingerprint"),
                        rs.getString("code"),
                        rs.getString("reason")))
                .list();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static List<String> texts(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
