package com.linetrace.trace.query;

import com.linetrace.trace.api.UnitSummary;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where-used in serial order, a page at a time: each kind walks one index whose leading columns are its criterion and
 * whose next one is the serial, so a page reads only its own rows however large the result (see DD014).
 */
class WhereUsedRepository {

    /** What a where-used walks: its table and criterion; {@code :after} and {@code :limit} are the keyset's. */
    enum Kind {
        LOT("trace.installed_part d", "d.lot = :lot and d.part_number = :partNumber"),
        PART_SERIAL("trace.installed_part d", "d.part_serial = :partSerial"),
        RELEASE("trace.module_firmware d", "d.release_id = :releaseId"),
        FIRMWARE("trace.module_firmware d", "d.version = :version and d.module = :module and d.model = :model"),
        IMAGE("trace.module_firmware d", "d.sha256 = :sha256"),
        KEY("trace.device_key d", "d.fingerprint = :fingerprint");

        final String from;
        final String where;

        Kind(String from, String where) {
            this.from = from;
            this.where = where;
        }
    }

    private final JdbcClient jdbc;

    /** A page's query: the distinct serials first (index only, in order), then their rows by primary key. */
    static String sql(Kind kind) {
        return "with c as (select distinct d.serial from " + kind.from + " where " + kind.where
                + " and d.serial > :after order by d.serial limit :limit)"
                + " select " + UnitRows.COLUMNS
                + " from c join trace.unit u on u.serial = c.serial order by u.serial";
    }

    WhereUsedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} units after {@code after} (a serial; empty for the first page), in serial order. */
    List<UnitSummary> page(Kind kind, Map<String, ?> criteria, String after, int limit) {
        return jdbc.sql(sql(kind))
                .params(criteria)
                .param("after", after)
                .param("limit", limit)
                .query(UnitRows::summary)
                .list();
    }
}
