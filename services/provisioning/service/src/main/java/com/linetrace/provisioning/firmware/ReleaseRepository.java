package com.linetrace.provisioning.firmware;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.provisioning.api.ReleaseState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Firmware releases in {@code provisioning.firmware_release}. */
@Repository
class ReleaseRepository {

    private final JdbcClient jdbc;

    ReleaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(FirmwareRelease release) {
        jdbc.sql("""
                        insert into provisioning.firmware_release
                            (id, model, module, version, sha256, size_bytes, signature, signing_key_id, state,
                             registered_by, registered_at)
                        values (:id, :model, :module, :version, :sha256, :size, :signature, :keyId, :state,
                                :registeredBy, :registeredAt)""")
                .param("id", release.id())
                .param("model", release.model())
                .param("module", release.module().name())
                .param("version", release.version())
                .param("sha256", release.sha256().hex())
                .param("size", release.sizeBytes())
                .param("signature", release.signature())
                .param("keyId", release.signingKeyId())
                .param("state", release.state().name())
                .param("registeredBy", release.registeredBy())
                .param("registeredAt", Timestamp.from(release.registeredAt()))
                .update();
    }

    Optional<FirmwareRelease> find(UUID id) {
        return jdbc.sql("select * from provisioning.firmware_release where id = :id")
                .param("id", id)
                .query(ReleaseRepository::release)
                .optional();
    }

    /** Locks the release against concurrent approval, revocation and flash verification. */
    Optional<FirmwareRelease> findForUpdate(UUID id) {
        return jdbc.sql("select * from provisioning.firmware_release where id = :id for update")
                .param("id", id)
                .query(ReleaseRepository::release)
                .optional();
    }

    /**
     * The release of a model and module with an image hash, share-locked so that a revocation committing
     * meanwhile either waits for this flash to be recorded (and counts it) or is seen by it.
     */
    Optional<FirmwareRelease> findByImageForShare(String model, FirmwareModule module, Sha256 sha256) {
        return jdbc.sql("""
                        select * from provisioning.firmware_release
                        where model = :model and module = :module and sha256 = :sha256
                        for share""")
                .param("model", model)
                .param("module", module.name())
                .param("sha256", sha256.hex())
                .query(ReleaseRepository::release)
                .optional();
    }

    List<FirmwareRelease> list(@Nullable ReleaseState state) {
        return jdbc.sql("""
                        select * from provisioning.firmware_release
                        where cast(:state as text) is null or state = :state
                        order by model, module, registered_at desc""")
                .param("state", state == null ? null : state.name())
                .query(ReleaseRepository::release)
                .list();
    }

    void approve(UUID id, String by, Instant at, String reason) {
        jdbc.sql("""
                        update provisioning.firmware_release
                        set state = 'APPROVED', approved_by = :by, approved_at = :at, approval_reason = :reason
                        where id = :id""")
                .param("id", id)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("reason", reason)
                .update();
    }

    void revoke(UUID id, String by, Instant at, String reason, int affectedSerials) {
        jdbc.sql("""
                        update provisioning.firmware_release
                        set state = 'REVOKED', revoked_by = :by, revoked_at = :at, revocation_reason = :reason,
                            affected_serials = :affected
                        where id = :id""")
                .param("id", id)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("reason", reason)
                .param("affected", affectedSerials)
                .update();
    }

    /**
     * The units that carry a release: those whose latest verified flash of its module is this release (a unit
     * re-flashed since with another release no longer carries it). Latest as provisioning recorded them, never by
     * the fixture's clock: a fixture whose clock is behind must not leave an older release current.
     */
    List<CarryingUnit> unitsCarrying(UUID releaseId) {
        return jdbc.sql("""
                        select serial, plant, line from (
                            select distinct on (f.serial, f.module) f.serial, f.plant, f.line, f.release_id
                            from provisioning.flash_record f
                            where f.verdict = 'VERIFIED'
                              and f.serial in (select serial from provisioning.flash_record
                                               where release_id = :id and verdict = 'VERIFIED')
                            order by f.serial, f.module, f.recorded_at desc, f.id desc) latest
                        where release_id = :id
                        order by serial""")
                .param("id", releaseId)
                .query((rs, n) -> new CarryingUnit(
                        Serial.parse(rs.getString("serial")), rs.getString("plant"), rs.getString("line")))
                .list();
    }

    record CarryingUnit(Serial serial, String plant, String line) {}

    private static FirmwareRelease release(ResultSet rs, int row) throws SQLException {
        return new FirmwareRelease(
                rs.getObject("id", UUID.class),
                rs.getString("model"),
                FirmwareModule.valueOf(rs.getString("module")),
                rs.getString("version"),
                Sha256.parse(rs.getString("sha256")),
                rs.getLong("size_bytes"),
                rs.getString("signature"),
                rs.getString("signing_key_id"),
                ReleaseState.valueOf(rs.getString("state")),
                rs.getString("registered_by"),
                rs.getTimestamp("registered_at").toInstant(),
                rs.getString("approved_by"),
                instant(rs.getTimestamp("approved_at")),
                rs.getString("approval_reason"),
                rs.getString("revoked_by"),
                instant(rs.getTimestamp("revoked_at")),
                rs.getString("revocation_reason"),
                rs.getObject("affected_serials", Integer.class));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
