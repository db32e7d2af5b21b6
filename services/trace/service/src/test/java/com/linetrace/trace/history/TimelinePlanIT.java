package com.linetrace.trace.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.testing.IntegrationTest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A serial's timeline reads its index alone, a few pages, though its events were written among every other unit's
 * events: without a covering index each of its 50 rows is a heap page of its own (run 4 of docs/trace-scale.md).
 */
@IntegrationTest
class TimelinePlanIT {

    private static final int UNITS = 2_000;
    private static final int EVENTS = 50;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aTimelineIsReadFromItsIndexAloneInAFewPages() {
        // Serials TLPN… are not valid Remote ID serials, so no other test's unit can collide with them. Written event
        // by event across all units, as a line writes them: a unit's rows end up on as many heap pages as it has.
        jdbc.sql("""
                insert into trace.unit_event (event_id, serial, type, occurred_at, plant, line, station, actor,
                    summary, payload)
                select gen_random_uuid(), 'TLPN' || lpad(i::text, 6, '0'), 'WorkCompleted',
                    timestamptz '2026-06-01 00:00Z' + e * interval '1 hour' + i * interval '1 second', 'CA1',
                    'PLAN-LINE', 'ST-' || e, 'operator', 'PASS at op ' || e || ' Assembly step ' || e, '{}'
                from generate_series(1, :events) e, generate_series(1, :units) i
                order by e, i""").param("events", EVENTS).param("units", UNITS).update();
        // A vacuum marks the pages all-visible, as autovacuum does on a plant; one that runs while another of the
        // test application's transactions (a relay's poll) began before the insert leaves them unmarked: again then.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    vacuum();
                    return jdbc.sql(
                                    "select relallvisible >= relpages from pg_class where oid = 'trace.unit_event'::regclass")
                            .query(Boolean.class)
                            .single();
                });

        var plan = String.join(
                "\n",
                jdbc.sql("explain (analyze, buffers, costs off, timing off) "
                                + HistoryRepository.TIMELINE.replace(":serial", "'TLPN001000'"))
                        .query(String.class)
                        .list());
        System.out.println(plan);

        assertThat(plan).contains("Index Only Scan using unit_event_timeline").contains("Heap Fetches: 0");
        assertThat(plan).contains("rows=" + EVENTS);
        var buffers = Pattern.compile("Buffers: shared(?: hit=(\\d+))?(?: read=(\\d+))?")
                .matcher(plan);
        assertThat(buffers.find()).as(plan).isTrue();
        var pages = count(buffers.group(1)) + count(buffers.group(2));
        assertThat(pages).as("pages read for one timeline").isBetween(1L, 8L);
        assertThat(jdbc.sql("select array_to_string(reloptions, ',') from pg_class"
                                + " where oid = 'trace.unit_event'::regclass")
                        .query(String.class)
                        .single())
                .contains("autovacuum_vacuum_insert_scale_factor=0.02");
    }

    private void vacuum() throws SQLException {
        // VACUUM runs outside a transaction block, on a connection of its own.
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("vacuum (analyze) trace.unit_event");
        }
    }

    private static long count(@Nullable String number) {
        return number == null ? 0 : Long.parseLong(number);
    }
}
