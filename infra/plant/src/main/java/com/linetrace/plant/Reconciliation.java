package com.linetrace.plant;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What a fault run counts, read from outside the plant over plain JDBC with every schema in view (a verifier may
 * read what no service may): each unit event committed in tracking's outbox against trace's history, each
 * provisioning event committed in provisioning's outbox against what tracking recorded having applied (its inbox),
 * and each scan tracking answered ACCEPTED against the event trace holds for it.
 *
 * @param unitEvents unit events committed (tracking's outbox)
 * @param provisioningEvents provisioning events committed (provisioning's outbox)
 * @param acceptedScans scans tracking answered ACCEPTED
 * @param unitEventsLost unit events committed that trace does not hold
 * @param provisioningEventsLost provisioning events committed that tracking never applied
 * @param acceptedScansLost accepted scans of which trace holds no event
 * @param doubled events trace holds beyond the first of one fact (the same unit, type, station, moment and summary
 *     under another event id); trace's key and inbox make a second copy of one event id impossible
 * @param unknown events trace holds that tracking never committed
 */
record Reconciliation(
        long unitEvents,
        long provisioningEvents,
        long acceptedScans,
        long unitEventsLost,
        long provisioningEventsLost,
        long acceptedScansLost,
        long doubled,
        long unknown) {

    /** Outbox rows are deleted after {@code linetrace.messaging.outbox-retention} (7 days): a run is far shorter. */
    static Reconciliation of(Connection connection) throws SQLException {
        return new Reconciliation(
                count(connection, "select count(*) from tracking.outbox where topic = 'linetrace.unit-events.v1'"),
                count(
                        connection,
                        "select count(*) from provisioning.outbox where topic = 'linetrace.provisioning-events.v1'"),
                count(connection, "select count(*) from tracking.scan where verdict = 'ACCEPTED'"),
                count(connection, """
                        select count(*) from tracking.outbox o
                        where o.topic = 'linetrace.unit-events.v1'
                          and not exists (select 1 from trace.unit_event e where e.event_id = o.event_id)"""),
                count(connection, """
                        select count(*) from provisioning.outbox o
                        where o.topic = 'linetrace.provisioning-events.v1'
                          and not exists (select 1 from tracking.inbox i
                                          where i.consumer = 'tracking-provisioning-events'
                                            and i.event_id = o.event_id)"""),
                // Each accepted scan records its event at the scan's own moment; a check-in of a unit already
                // checked in there is answered from that check-in and records none, so its arrival came earlier.
                count(connection, """
                        select count(*) from tracking.scan s
                        where s.verdict = 'ACCEPTED'
                          and not exists (
                              select 1 from trace.unit_event e
                              where e.serial = s.serial and e.station = s.station_id and e.occurred_at = s.scanned_at
                                and e.type = case s.action when 'CHECK_IN' then 'UnitsArrived'
                                                           when 'CHECK_OUT' then 'WorkCompleted'
                                                           else 'MaterialsInstalled' end)
                          and not (s.action = 'CHECK_IN'
                                   and not exists (select 1 from tracking.outbox o
                                                   where o.message_key = s.serial and o.occurred_at = s.scanned_at
                                                     and o.event_type = 'UnitsArrived')
                                   and exists (select 1 from trace.unit_event e
                                               where e.serial = s.serial and e.station = s.station_id
                                                 and e.type = 'UnitsArrived' and e.occurred_at < s.scanned_at))"""),
                count(connection, """
                        select coalesce(sum(copies - 1), 0) from (
                            select count(*) as copies from trace.unit_event
                            group by serial, type, station, occurred_at, summary
                            having count(*) > 1) facts"""),
                count(connection, """
                        select count(*) from trace.unit_event e
                        where not exists (select 1 from tracking.outbox o where o.event_id = e.event_id)"""));
    }

    /** Where a run reads the plant's database from, as a verifier with every schema in view. */
    @FunctionalInterface
    interface Database {
        Connection connect() throws SQLException;
    }

    /**
     * Reconciles once the consumers have caught up: when the reconciliation balances, or when it has not changed
     * for {@code unchangedFor} (then what is missing is lost), or after {@code limit}.
     */
    static Reconciliation settle(Database database, Duration limit, Duration unchangedFor)
            throws InterruptedException, SQLException {
        long deadline = System.nanoTime() + limit.toNanos();
        var last = of(database);
        long unchangedSince = System.nanoTime();
        while (!last.balanced()
                && System.nanoTime() < deadline
                && System.nanoTime() - unchangedSince < unchangedFor.toNanos()) {
            TimeUnit.SECONDS.sleep(1);
            var next = of(database);
            if (!next.equals(last)) {
                unchangedSince = System.nanoTime();
            }
            last = next;
        }
        return last;
    }

    static Reconciliation of(Database database) throws SQLException {
        try (var connection = database.connect()) {
            return of(connection);
        }
    }

    /** The reconciliation's rows of a run's markdown table ({@code | figure | count |}). */
    void printRows(PrintStream out) {
        row(out, "events committed", committed());
        row(out, "  unit events (tracking's outbox)", unitEvents);
        row(out, "  provisioning events (provisioning's outbox)", provisioningEvents);
        row(out, "scans answered ACCEPTED", acceptedScans);
        row(out, "lost", lost());
        row(out, "  unit events not in trace", unitEventsLost);
        row(out, "  provisioning events tracking did not apply", provisioningEventsLost);
        row(out, "  accepted scans not in trace", acceptedScansLost);
        row(out, "doubled (one fact twice in trace)", doubled);
        row(out, "in trace but never committed", unknown);
    }

    private static void row(PrintStream out, String figure, long count) {
        out.printf("| %s | %d |%n", figure, count);
    }

    long committed() {
        return unitEvents + provisioningEvents;
    }

    long lost() {
        return unitEventsLost + provisioningEventsLost + acceptedScansLost;
    }

    /** Nothing lost, nothing twice, nothing from nowhere. */
    boolean balanced() {
        return lost() == 0 && doubled == 0 && unknown == 0;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
