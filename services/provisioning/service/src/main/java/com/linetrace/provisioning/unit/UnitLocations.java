package com.linetrace.provisioning.unit;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.contracts.unit.UnitScrapped;
import com.linetrace.contracts.unit.UnitsArrived;
import com.linetrace.contracts.unit.UnitsDeparted;
import com.linetrace.contracts.unit.UnitsInitialized;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Units' whereabouts in {@code provisioning.unit_location}, kept from the unit events in their order per serial. */
@Repository
public class UnitLocations {

    private final JdbcClient jdbc;

    UnitLocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the unit is, locked until the caller's transaction ends so that a flash and a departure serialise. */
    public Optional<UnitLocation> find(Serial serial) {
        return jdbc.sql("""
                        select serial, model, line, station, station_line, station_kind from provisioning.unit_location
                        where serial = :serial for share""")
                .param("serial", serial.value())
                .query((rs, n) -> new UnitLocation(
                        serial,
                        rs.getString("model"),
                        rs.getString("line"),
                        rs.getString("station"),
                        rs.getString("station_line"),
                        rs.getString("station_kind")))
                .optional();
    }

    void apply(EventEnvelope<UnitEvent> event) {
        var serial = event.serial().value();
        switch (event.body()) {
            case UnitsInitialized initialized ->
                jdbc.sql("""
                                insert into provisioning.unit_location (serial, model, line)
                                values (:serial, :model, :line)
                                on conflict (serial) do update set model = excluded.model, line = excluded.line,
                                    updated_at = now()""")
                        .param("serial", serial)
                        .param("model", initialized.model())
                        .param("line", event.line())
                        .update();
            case UnitsArrived arrived ->
                jdbc.sql("""
                                insert into provisioning.unit_location (serial, station, station_line, station_kind)
                                values (:serial, :station, :line, :kind)
                                on conflict (serial) do update set station = excluded.station,
                                    station_line = excluded.station_line, station_kind = excluded.station_kind,
                                    updated_at = now()""")
                        .param("serial", serial)
                        .param("line", event.line())
                        .param("station", event.station())
                        .param("kind", arrived.stationKind())
                        .update();
            case UnitsDeparted departed -> leave(serial);
            case UnitCompleted completed -> leave(serial);
            case UnitScrapped scrapped -> leave(serial);
            default -> {
                // Other events do not move the unit.
            }
        }
    }

    private void leave(String serial) {
        jdbc.sql("""
                        update provisioning.unit_location set station = null, station_kind = null, updated_at = now()
                        where serial = :serial""").param("serial", serial).update();
    }
}
