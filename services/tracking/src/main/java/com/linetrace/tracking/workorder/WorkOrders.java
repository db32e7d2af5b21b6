package com.linetrace.tracking.workorder;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.unit.UnitsInitialized;
import com.linetrace.tracking.TrackingSettings;
import com.linetrace.tracking.route.MasterData;
import com.linetrace.tracking.unit.UnitEvents;
import com.linetrace.tracking.unit.UnitRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Releases work orders. Releasing issues the serials at once, so labels can be printed before the first
 * station; each unit follows the model's route version current at release.
 */
@Service
public class WorkOrders {

    private final JdbcClient jdbc;
    private final MasterData masterData;
    private final UnitRepository units;
    private final UnitEvents events;
    private final TrackingSettings settings;
    private final Clock clock = Clock.systemUTC();

    WorkOrders(
            JdbcClient jdbc,
            MasterData masterData,
            UnitRepository units,
            UnitEvents events,
            TrackingSettings settings) {
        this.jdbc = jdbc;
        this.masterData = masterData;
        this.units = units;
        this.events = events;
        this.settings = settings;
    }

    public record Released(String number, String model, String lineId, int routeVersion, List<String> serials) {}

    /** A released work order with its serials, if there is one with this number. */
    public java.util.Optional<Released> find(String number) {
        return jdbc.sql("select w.number, w.model_id, w.line_id, r.version from tracking.work_order w"
                        + " join tracking.route r on r.id = w.route_id where w.number = :number")
                .param("number", number)
                .query((rs, n) -> new Released(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        units.ofWorkOrder(number).stream().map(Serial::value).toList()))
                .optional();
    }

    @Transactional
    public Released release(String model, String lineId, int quantity, @Nullable LocalDate due, String actor) {
        if (quantity < 1 || quantity > 10_000) {
            throw new InvalidWorkOrderException("A work order builds 1 to 10000 units");
        }
        if (!masterData.lineExists(lineId)) {
            throw new InvalidWorkOrderException("No line has the id '" + lineId + "'");
        }
        var route = masterData
                .currentRoute(model)
                .orElseThrow(() -> new InvalidWorkOrderException("Model '" + model + "' has no route"));
        long next = jdbc.sql("select nextval('tracking.work_order_sequence')")
                .query(Long.class)
                .single();
        var number = "WO-%06d".formatted(next);
        jdbc.sql("insert into tracking.work_order (number, model_id, line_id, route_id, quantity, due_date, created_by)"
                        + " values (:number, :model, :line, :route, :quantity, :due, :actor)")
                .param("number", number)
                .param("model", model)
                .param("line", lineId)
                .param("route", route.id())
                .param("quantity", quantity)
                .param("due", due)
                .param("actor", actor)
                .update();
        var sequences = jdbc.sql("select nextval('tracking.serial_sequence') from generate_series(1, :n)")
                .param("n", quantity)
                .query(Long.class)
                .list();
        var now = clock.instant();
        var serials = new ArrayList<String>(quantity);
        for (long sequence : sequences) {
            var serial = Serial.issue(settings.manufacturerCode(), sequence, settings.serialDigits());
            units.insertIssued(serial, number, route.id(), lineId, route.first().seq());
            events.publish(serial, lineId, null, actor, now, new UnitsInitialized(number, model, route.version()));
            serials.add(serial.value());
        }
        return new Released(number, model, lineId, route.version(), serials);
    }
}
