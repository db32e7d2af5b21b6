package com.linetrace.tracking.material;

import com.linetrace.contracts.Serial;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Installed parts and quarantined lots in the {@code tracking} schema. */
@Repository
public class MaterialRepository {

    /** The first key of tracking's lot locks, so they share no advisory lock with another use of the database. */
    private static final int LOT_LOCKS = 0x4c4f5401;

    private final JdbcClient jdbc;

    MaterialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many of each part number are installed in the unit for an operation. */
    public Map<String, Integer> installed(Serial serial, int seq) {
        return jdbc
                .sql("select part_number, count(*) from tracking.installed_part where serial = :serial and seq = :seq"
                        + " group by part_number")
                .param("serial", serial.value())
                .param("seq", seq)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The unit a serialized part is installed in, if any. */
    public Optional<String> unitWith(String partNumber, String partSerial) {
        return jdbc.sql("select serial from tracking.installed_part where part_number = :pn and part_serial = :ps")
                .param("pn", partNumber)
                .param("ps", partSerial)
                .query(String.class)
                .optional();
    }

    public Optional<String> quarantineReason(String partNumber, String lot) {
        return jdbc.sql("select reason from tracking.lot_quarantine where part_number = :pn and lot = :lot")
                .param("pn", partNumber)
                .param("lot", lot)
                .query(String.class)
                .optional();
    }

    /**
     * Serialises everything that concerns one lot until the transaction ends: an installation of a part of the lot
     * and the lot's quarantine. Without it each would miss the other (the installation checks the quarantine
     * before the quarantine commits, the quarantine looks for units before the installation commits) and the lot
     * would end up in a unit that is not held. Take it before any unit lock: whoever waits for a lot then holds no
     * other lock, so no deadlock can form through it.
     */
    public void lockLot(String partNumber, String lot) {
        jdbc.sql("select pg_advisory_xact_lock(:space, hashtext(:pn || ';' || :lot))")
                .param("space", LOT_LOCKS)
                .param("pn", partNumber)
                .param("lot", lot)
                .query((rs, n) -> n)
                .list();
    }

    /**
     * Records a part installed in a unit; false when a part with this serial is already installed (also when a
     * concurrent installation of the same serial committed first: the unique index decides, without an error).
     */
    public boolean install(
            Serial serial,
            int seq,
            PartBarcode part,
            @Nullable String referenceDesignator,
            String stationId,
            String actor,
            Instant at) {
        return jdbc.sql("""
                        insert into tracking.installed_part (serial, seq, part_number, lot, part_serial,
                                                            reference_designator, station_id, installed_at, installed_by)
                        values (:serial, :seq, :pn, :lot, :ps, :designator, :station, :at, :actor)
                        on conflict (part_number, part_serial) where part_serial is not null do nothing""")
                        .param("serial", serial.value())
                        .param("seq", seq)
                        .param("pn", part.partNumber())
                        .param("lot", part.lot())
                        .param("ps", part.partSerial())
                        .param("designator", referenceDesignator)
                        .param("station", stationId)
                        .param("at", Timestamp.from(at))
                        .param("actor", actor)
                        .update()
                == 1;
    }

    /** Quarantines a lot; false when it already was. */
    public boolean quarantine(String partNumber, String lot, String reason, String actor, Instant at) {
        return jdbc.sql("""
                        insert into tracking.lot_quarantine (part_number, lot, reason, quarantined_by, quarantined_at)
                        values (:pn, :lot, :reason, :actor, :at) on conflict do nothing""")
                        .param("pn", partNumber)
                        .param("lot", lot)
                        .param("reason", reason)
                        .param("actor", actor)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    public boolean lift(String partNumber, String lot) {
        return jdbc.sql("delete from tracking.lot_quarantine where part_number = :pn and lot = :lot")
                        .param("pn", partNumber)
                        .param("lot", lot)
                        .update()
                == 1;
    }

    /** Units containing a lot (where-used), oldest first. */
    public List<String> unitsContaining(String partNumber, @Nullable String lot) {
        return jdbc.sql("select distinct serial from tracking.installed_part where part_number = :pn and lot = :lot"
                        + " order by serial")
                .param("pn", partNumber)
                .param("lot", lot)
                .query(String.class)
                .list();
    }
}
