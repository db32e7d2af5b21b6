package com.linetrace.tracking.unit;

import com.linetrace.contracts.Serial;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What provisioning has verified for each unit, as its events said: items {@code FIRMWARE:<module>} and
 * {@code KEY}. The latest verdict of an item wins, so a later rejection withdraws an earlier verification.
 */
@Repository
public class ProvisioningStatus {

    private final JdbcClient jdbc;

    ProvisioningStatus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<String> verified(Serial serial) {
        return new HashSet<>(jdbc.sql("select item from tracking.unit_provisioning where serial = :serial and verified")
                .param("serial", serial.value())
                .query(String.class)
                .list());
    }

    /** The unit's model, from its work order; empty for a serial tracking never issued. */
    public Optional<String> modelOf(Serial serial) {
        return jdbc.sql("""
                        select w.model_id from tracking.unit u join tracking.work_order w on w.number = u.work_order
                        where u.serial = :serial""").param("serial", serial.value()).query(String.class).optional();
    }

    public void record(Serial serial, String item, boolean verified, String detail, Instant at) {
        jdbc.sql("""
                        insert into tracking.unit_provisioning (serial, item, verified, detail, occurred_at)
                        values (:serial, :item, :verified, :detail, :at)
                        on conflict (serial, item) do update set verified = excluded.verified, detail = excluded.detail,
                            occurred_at = excluded.occurred_at
                        where tracking.unit_provisioning.occurred_at <= excluded.occurred_at""")
                .param("serial", serial.value())
                .param("item", item)
                .param("verified", verified)
                .param("detail", detail)
                .param("at", Timestamp.from(at))
                .update();
    }
}
