package com.linetrace.tracking.workorder;

import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.contracts.line.LineEvent;
import com.linetrace.contracts.line.LineEventEnvelope;
import com.linetrace.contracts.line.WorkOrderReleased;
import com.linetrace.contracts.unit.UnitsInitialized;
import com.linetrace.messaging.Outbox;
import com.linetrace.tracking.TrackingSettings;
import com.linetrace.tracking.api.WorkOrderPlanning.Choice;
import com.linetrace.tracking.api.WorkOrderPlanning.Released;
import com.linetrace.tracking.api.WorkOrderPlanning.Summary;
import com.linetrace.tracking.api.WorkOrderRefusedException;
import com.linetrace.tracking.label.LabelExports;
import com.linetrace.tracking.route.MasterData;
import com.linetrace.tracking.unit.UnitEvents;
import com.linetrace.tracking.unit.UnitRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Releases work orders. Releasing issues the serials at once, so labels can be printed before the first
 * station; each unit follows the model's route version current at release. The release itself is published on the
 * line events ({@code WorkOrderReleased}), the plan the metrics service measures the line against.
 */
@Service
public class WorkOrders {

    static final int MAX_QUANTITY = 10_000;
    static final int MAX_LIST = 1000;

    private final JdbcClient jdbc;
    private final MasterData masterData;
    private final UnitRepository units;
    private final UnitEvents events;
    private final Outbox outbox;
    private final TrackingSettings settings;
    private final Clock clock = Clock.systemUTC();

    WorkOrders(
            JdbcClient jdbc,
            MasterData masterData,
            UnitRepository units,
            UnitEvents events,
            @Qualifier("trackingOutbox") Outbox outbox,
            TrackingSettings settings) {
        this.jdbc = jdbc;
        this.masterData = masterData;
        this.units = units;
        this.events = events;
        this.outbox = outbox;
        this.settings = settings;
    }

    /** A released work order with its serials, if there is one with this number. */
    Optional<Released> find(WorkOrderNumber number) {
        return jdbc.sql("select w.number, w.model_id, w.line_id, r.version from tracking.work_order w"
                        + " join tracking.route r on r.id = w.route_id where w.number = :number")
                .param("number", number.value())
                .query((rs, n) -> new Released(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        units.ofWorkOrder(number.value()).stream()
                                .map(Serial::value)
                                .toList()))
                .optional();
    }

    /**
     * Releases a work order of {@code quantity} units of {@code model} on {@code line}, for {@code actor}: a person
     * through {@link WorkOrderController}, which checks the role, or the plant itself (the demo data at first start).
     */
    @Transactional
    public Released release(String model, LineId line, int quantity, @Nullable LocalDate dueDate, String actor) {
        var route = routeFor(model);
        var lineId = line.value();
        if (!masterData.lineExists(lineId)) {
            throw new WorkOrderRefusedException("No line has the id '" + lineId + "'");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new WorkOrderRefusedException("A work order builds 1 to " + MAX_QUANTITY + " units, not " + quantity);
        }
        // The earliest "today" on Earth: a date the person releasing it sees as today is never refused, wherever
        // the server's clock is set.
        var today = LocalDate.now(clock.withZone(ZoneOffset.ofHours(-12)));
        if (dueDate != null && dueDate.isBefore(today)) {
            throw new WorkOrderRefusedException("The due date " + dueDate + " is in the past");
        }
        long next = jdbc.sql("select nextval('tracking.work_order_sequence')")
                .query(Long.class)
                .single();
        var number = WorkOrderNumber.of(next).value();
        jdbc.sql("insert into tracking.work_order (number, model_id, line_id, route_id, quantity, due_date, created_by)"
                        + " values (:number, :model, :line, :route, :quantity, :due, :actor)")
                .param("number", number)
                .param("model", model)
                .param("line", lineId)
                .param("route", route.id())
                .param("quantity", quantity)
                .param("due", dueDate)
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
        // The plan of the line: keyed by the line, committed with the work order or not at all.
        var released = new LineEventEnvelope(
                EventIds.next(),
                LineEvent.SCHEMA_VERSION,
                now,
                settings.plant(),
                lineId,
                null,
                actor,
                new WorkOrderReleased(number, model, quantity, dueDate));
        outbox.append(
                Topics.LINE_EVENTS,
                lineId,
                released.eventId(),
                LineEvent.CODEC.typeOf(released.body()),
                LineEvent.CODEC.encode(released),
                now);
        return new Released(number, model, lineId, route.version(), serials);
    }

    private com.linetrace.tracking.route.Route routeFor(String model) {
        if (model == null || model.isBlank()) {
            throw new WorkOrderRefusedException("Pick the model to build");
        }
        if (!masterData.modelExists(model)) {
            throw new WorkOrderRefusedException("No model has the id '" + model + "'");
        }
        return masterData
                .currentRoute(model)
                .orElseThrow(() -> new WorkOrderRefusedException("Model '" + model
                        + "' has no approved route yet; an engineer saves one and quality" + " approves it first"));
    }

    @Transactional(readOnly = true)
    List<Summary> workOrders(int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new WorkOrderRefusedException("Ask for 1 to " + MAX_LIST + " work orders, not " + limit);
        }
        // The latest work orders first, then their units only: the unit table grows with every drone built.
        return jdbc.sql("""
                        with latest as (
                            select number, model_id, line_id, route_id, quantity, due_date, created_by, created_at
                            from tracking.work_order order by created_at desc, number desc limit :limit)
                        select w.number, w.model_id, w.line_id, r.version, w.quantity, w.due_date, w.created_by,
                               w.created_at,
                               count(u.serial) filter (where u.status = 'ISSUED' and u.hold_reason is null),
                               count(u.serial) filter (where u.status = 'IN_PROGRESS' and u.hold_reason is null),
                               count(u.serial) filter (where u.status <> 'SCRAPPED' and u.hold_reason is not null),
                               count(u.serial) filter (where u.status = 'COMPLETED' and u.hold_reason is null),
                               count(u.serial) filter (where u.status = 'SCRAPPED')
                        from latest w
                        join tracking.route r on r.id = w.route_id
                        left join tracking.unit u on u.work_order = w.number
                        group by w.number, w.model_id, w.line_id, r.version, w.quantity, w.due_date, w.created_by,
                                 w.created_at
                        order by w.created_at desc, w.number desc""")
                .param("limit", limit)
                .query((rs, n) -> new Summary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getInt(9),
                        rs.getInt(10),
                        rs.getInt(11),
                        rs.getInt(12),
                        rs.getInt(13)))
                .list();
    }

    /** The serial labels of a released work order: what the sheet is, and its PDF when asked for. */
    record LabelSheet(LabelExports.Sheet sheet, Supplier<byte[]> pdf) {}

    Optional<LabelSheet> labels(WorkOrderNumber number) {
        return find(number)
                .map(order -> new LabelSheet(
                        new LabelExports.Sheet(
                                "work-order-labels",
                                "workOrder=" + order.number(),
                                order.serials().size(),
                                "labels-" + order.number() + ".pdf"),
                        () -> Labels.pdf(order.number(), order.model(), order.serials())));
    }

    List<Choice> modelsWithRoute() {
        return choices(masterData.modelsWithRoute());
    }

    List<Choice> lines() {
        return choices(masterData.lines());
    }

    private static List<Choice> choices(List<MasterData.Named> names) {
        return names.stream().map(n -> new Choice(n.id(), n.name())).toList();
    }
}
