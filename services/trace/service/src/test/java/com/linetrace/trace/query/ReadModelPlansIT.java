package com.linetrace.trace.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.trace.api.SearchCriteria;
import com.linetrace.trace.api.UnitStatus;
import com.linetrace.trace.api.WhereUsedQuery;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The read model's query plans on generated rows (20,000 units, a 5,000-unit lot, ten parts, ten visits and four
 * modules a unit): every where-used and search page walks its index in keyset order and stops at the page, never a
 * sequential scan or a sort of the whole result. Prints the plans and each answer's time over HTTP (DD014).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelPlansIT {

    private static final int UNITS = 20_000;
    private static final Serial COPY = Serial.issue("PLAN", 4242, 9);
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UnitTraceService units;

    @Autowired
    WhereUsedService whereUsed;

    @Autowired
    UnitSearchService search;

    @BeforeAll
    void generate() {
        // Serials PLAN00000… are not valid Remote ID serials, so no other test's unit can collide with them.
        jdbc.sql("""
                insert into trace.unit (serial, model, work_order, route_version, line, started, held, completed,
                    scrapped, last_station, next_operation, first_seen_at, last_event_at)
                select 'PLAN' || lpad(i::text, 6, '0'), 'AX4-ENT', 'WO-' || lpad((800000 + i / 500)::text, 6, '0'), 3,
                    'L1', true, i % 97 = 0, i % 3 = 0, i % 211 = 0, 'PCK-1', null,
                    cast(:start as timestamptz) + i * interval '1 minute', cast(:start as timestamptz) + i * interval '1 minute' + interval '50 minutes'
                from generate_series(1, :units) i on conflict do nothing""")
                .param("start", java.sql.Timestamp.from(START))
                .param("units", UNITS)
                .update();
        jdbc.sql("""
                insert into trace.installed_part (serial, event_id, operation, part_number, lot, part_serial, quantity,
                    station, actor, installed_at)
                select 'PLAN' || lpad(i::text, 6, '0'), gen_random_uuid(), 10 + p * 10, 'PART-' || p,
                    case when p = 1 then (case when i <= 5000 then 'L-BIG' else 'L-' || (i / 100) end)
                         when p % 2 = 0 then 'L-' || p || '-' || (i / 250) end,
                    case when p % 2 = 1 and p > 1 then 'PS-' || p || '-' || i end,
                    case when p = 2 then 4 else 1 end, 'ASM-1', 'operator', cast(:start as timestamptz) + i * interval '1 minute'
                from generate_series(1, :units) i, generate_series(1, 10) p
                on conflict do nothing""")
                .param("start", java.sql.Timestamp.from(START))
                .param("units", UNITS)
                .update();
        jdbc.sql("""
                insert into trace.operation_visit (serial, event_id, operation, operation_name, station_kind, station,
                    operator, rework, arrived_at, completed_at, result, departed_at)
                select 'PLAN' || lpad(i::text, 6, '0'), gen_random_uuid(), o * 10, 'Op ' || o, 'ASSEMBLY', 'ST-' || o,
                    'operator', false, cast(:start as timestamptz) + i * interval '1 minute' + o * interval '5 minutes',
                    cast(:start as timestamptz) + i * interval '1 minute' + o * interval '5 minutes' + interval '3 minutes', 'PASS',
                    cast(:start as timestamptz) + i * interval '1 minute' + o * interval '5 minutes' + interval '4 minutes'
                from generate_series(1, :units) i, generate_series(1, 10) o
                on conflict do nothing""")
                .param("start", java.sql.Timestamp.from(START))
                .param("units", UNITS)
                .update();
        jdbc.sql("""
                insert into trace.unit_defect (defect, serial, event_id, operation, station, occurred_at)
                select (array['MTR-CURRENT-HIGH','IMU-CAL-FAIL','MTR-CURRENT-HIGH'])[1 + i % 3],
                    'PLAN' || lpad(i::text, 6, '0'), gen_random_uuid(), 70, 'ST-7', cast(:start as timestamptz) + i * interval '1 minute'
                from generate_series(1, :units) i where i % 4 = 0 on conflict do nothing""")
                .param("start", java.sql.Timestamp.from(START))
                .param("units", UNITS)
                .update();
        jdbc.sql("""
                insert into trace.module_firmware (serial, module, release_id, model, version, sha256, fixture_id,
                    station, verified_at, event_id)
                select 'PLAN' || lpad(i::text, 6, '0'), m,
                    md5(m || (i / 5000))::uuid, 'AX4-ENT', '4.' || (i / 5000) || '.0',
                    md5(m || (i / 5000)) || md5(m || (i / 5000)), 'FIX-FW-1', 'FW-1',
                    cast(:start as timestamptz) + i * interval '1 minute', gen_random_uuid()
                from generate_series(1, :units) i,
                    unnest(array['FLIGHT_CONTROLLER','ESC','GIMBAL','REMOTE_LINK']) m
                on conflict do nothing""")
                .param("start", java.sql.Timestamp.from(START))
                .param("units", UNITS)
                .update();
        jdbc.sql("""
                insert into trace.device_key (serial, fingerprint, subject, issuer, station, reported_at, verified)
                select 'PLAN' || lpad(i::text, 6, '0'), md5('key' || i) || md5('key' || i), 'CN=x', 'CN=ca', 'KEY-1',
                    cast(:start as timestamptz) + i * interval '1 minute', true
                from generate_series(1, :units) i on conflict do nothing""")
                .param("start", java.sql.Timestamp.from(START))
                .param("units", UNITS)
                .update();
        // One unit with a real serial (the api takes only those), a copy of a generated one.
        var copies = Map.of(
                "unit",
                "serial, model, work_order, route_version, line, started, held, completed, scrapped, last_station,"
                        + " next_operation, first_seen_at, last_event_at",
                "installed_part",
                "serial, event_id, operation, part_number, lot, part_serial, quantity, reference_designator,"
                        + " station, actor, installed_at",
                "operation_visit",
                "serial, event_id, operation, operation_name, station_kind, station, operator, rework,"
                        + " arrived_at, completed_at, result, defects, departed_at",
                "module_firmware",
                "serial, module, release_id, model, version, sha256, fixture_id, station, verified_at, event_id,"
                        + " revoked_reason",
                "device_key",
                "serial, fingerprint, subject, issuer, secure_element_id, key_purpose, certificate_pem, station,"
                        + " reported_at, verified, rejection_code, rejection_reason");
        for (var table : List.of("unit", "installed_part", "operation_visit", "module_firmware", "device_key")) {
            var columns = copies.get(table);
            var values = columns.replaceFirst("serial", "cast(:copy as text)").replace("event_id", "gen_random_uuid()");
            jdbc.sql("insert into trace." + table + " (" + columns + ") select " + values + " from trace." + table
                            + " where serial = 'PLAN004242'")
                    .param("copy", COPY.value())
                    .update();
        }
        for (var table :
                List.of("unit", "installed_part", "operation_visit", "unit_defect", "module_firmware", "device_key")) {
            jdbc.sql("analyze trace." + table).update();
        }
    }

    @Test
    void everyWhereUsedPageWalksItsIndexAndStopsAtThePage() {
        var release = jdbc.sql("select release_id::text from trace.module_firmware where serial = 'PLAN000010'"
                        + " and module = 'ESC'")
                .query(String.class)
                .single();
        var cases = Map.of(
                WhereUsedRepository.Kind.LOT,
                Map.<String, Object>of("lot", "L-BIG", "partNumber", "PART-1"),
                WhereUsedRepository.Kind.PART_SERIAL,
                Map.<String, Object>of("partSerial", "PS-3-4242"),
                WhereUsedRepository.Kind.RELEASE,
                Map.<String, Object>of("releaseId", java.util.UUID.fromString(release)),
                WhereUsedRepository.Kind.FIRMWARE,
                Map.<String, Object>of("version", "4.1.0", "module", "GIMBAL", "model", "AX4-ENT"),
                WhereUsedRepository.Kind.KEY,
                Map.<String, Object>of("fingerprint", "abc"));
        for (var entry : cases.entrySet()) {
            var params = new java.util.HashMap<String, Object>(entry.getValue());
            params.put("after", "");
            params.put("limit", 51);
            var plan = explain(WhereUsedRepository.sql(entry.getKey()), params);
            System.out.println("where-used " + entry.getKey() + ":\n" + plan);
            assertThat(plan)
                    .as(entry.getKey().name())
                    .doesNotContain("Seq Scan")
                    .doesNotContain("Sort ");
        }
    }

    @Test
    void everySearchPageWalksItsDriversIndexInKeysetOrder() {
        var from = START.plusSeconds(3_600);
        var searches = List.of(
                SearchCriteria.none().workOrder(WorkOrderNumber.parse("WO-800010")),
                SearchCriteria.none().lot("PART-1", "L-BIG").status(UnitStatus.COMPLETED),
                SearchCriteria.none().defect("IMU-CAL-FAIL"),
                SearchCriteria.none().atStation(StationId.parse("ST-7"), from, from.plusSeconds(86_400)),
                SearchCriteria.none().firmwareVersion("4.2.0").status(UnitStatus.HELD),
                SearchCriteria.none().status(UnitStatus.IN_WORK),
                SearchCriteria.none().partSerial("PS-5-777"));
        for (var criteria : searches) {
            var driver = SearchRepository.driver(criteria);
            var statement = SearchRepository.statement(criteria, driver, null, 51);
            var plan = explain(statement.sql(), statement.params());
            System.out.println("search by " + driver + ":\n" + plan);
            assertThat(plan)
                    .as(driver.name())
                    .doesNotContain("Seq Scan on unit ")
                    .doesNotContain("Seq Scan on installed_part")
                    .doesNotContain("Seq Scan on operation_visit")
                    .doesNotContain("Seq Scan on module_firmware");
            // A lot, a defect code and a part serial are bounded sets (a lot's units, a defect's failures, one unit):
            // the planner may read one whole and sort it when a filter makes it expect to read most of it anyway.
            if (driver != SearchRepository.Driver.LOT
                    && driver != SearchRepository.Driver.DEFECT
                    && driver != SearchRepository.Driver.PART_SERIAL) {
                assertThat(plan).as(driver.name()).doesNotContain("Sort ");
            }
        }
    }

    /**
     * A search driven by a criterion most units share (a firmware version is in every unit of its model) reads about
     * one page of rows, on the first page and on a page deep in the result: the rows are fresh (their visibility map
     * is not set yet, as on a plant that keeps receiving events), which makes a plan that reads and de-duplicates the
     * whole version look cheaper to the planner than the index, and the page's cursor must bound the units' side too.
     */
    @Test
    void aSearchByACommonCriterionReadsAboutAPageAtAnyDepth() {
        var searches = List.of(
                SearchCriteria.none().firmwareVersion("4.2.0"),
                SearchCriteria.none().firmwareVersion("4.2.0").status(UnitStatus.COMPLETED),
                SearchCriteria.none().defect("IMU-CAL-FAIL"),
                SearchCriteria.none().lot("PART-1", "L-BIG"));
        for (var criteria : searches) {
            var driver = SearchRepository.driver(criteria);
            for (var after : List.of("", "PLAN012000")) {
                var statement = SearchRepository.statement(
                        criteria, driver, after.isEmpty() ? null : new Cursor(after, null), 51);
                var plan = explain(statement.sql(), statement.params());
                System.out.println("search by " + criteria + " after '" + after + "':\n" + plan);
                assertThat(mostRowsOfANode(plan))
                        .as("%s after '%s':%n%s", criteria, after, plan)
                        .isLessThan(2_000);
            }
        }
    }

    @Test
    void pagesOfACandidateDrivenSearchTogetherAreExactlyItsUnits() {
        var searches = Map.of(
                SearchCriteria.none().firmwareVersion("4.2.0"),
                "exists (select 1 from trace.module_firmware f where f.serial = u.serial and f.version = '4.2.0')",
                SearchCriteria.none().firmwareVersion("4.2.0").status(UnitStatus.COMPLETED),
                "exists (select 1 from trace.module_firmware f where f.serial = u.serial and f.version = '4.2.0')"
                        + " and u.status = 'COMPLETED'",
                SearchCriteria.none().defect("MTR-CURRENT-HIGH").status(UnitStatus.COMPLETED),
                "exists (select 1 from trace.unit_defect f where f.serial = u.serial and f.defect = 'MTR-CURRENT-HIGH')"
                        + " and u.status = 'COMPLETED'");
        for (var search : searches.entrySet()) {
            var expected = jdbc.sql("select serial from trace.unit u where serial like 'PLAN%' and " + search.getValue()
                            + " order by serial")
                    .query(String.class)
                    .list();
            var driver = SearchRepository.driver(search.getKey());
            var seen = new java.util.ArrayList<String>();
            Cursor after = null;
            while (true) {
                var hits = repository().page(search.getKey(), driver, after, 701);
                var page = hits.subList(0, Math.min(700, hits.size()));
                page.forEach(hit -> seen.add(hit.unit().serial()));
                if (hits.size() <= 700) {
                    break;
                }
                after = new Cursor(page.getLast().unit().serial(), null);
            }
            assertThat(seen)
                    .as(search.getKey().toString())
                    .hasSizeGreaterThan(700)
                    .containsExactlyElementsOf(expected);
        }
    }

    private SearchRepository repository() {
        return new SearchRepository(jdbc);
    }

    private static long mostRowsOfANode(String plan) {
        var rows = java.util.regex.Pattern.compile("rows=(\\d+)").matcher(plan);
        long most = 0;
        while (rows.find()) {
            most = Math.max(most, Long.parseLong(rows.group(1)));
        }
        return most;
    }

    /**
     * Each answer's time through trace's service beans (in-process, as the plant's UI calls them): the queries and
     * their mapping, without HTTP and without the password hash that a demo user's HTTP Basic sign-in costs.
     */
    @Test
    void answersInMilliseconds() throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "quality", null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.QUALITY))));
        try {
            var from = START.plusSeconds(3_600);
            measure("genealogy of a unit", () -> units.genealogy(COPY));
            measure(
                    "where-used of the 5,000-unit lot, first page of 100",
                    () -> whereUsed.whereUsed(WhereUsedQuery.lot("PART-1", "L-BIG"), null, 100));
            measure("where-used of the 5,000-unit lot, whole CSV", () -> {
                try (var csv = whereUsed
                        .whereUsedCsv(WhereUsedQuery.lot("PART-1", "L-BIG"))
                        .getBody()
                        .getInputStream()) {
                    return csv.readAllBytes().length;
                }
            });
            measure(
                    "search at a station in a day, first page",
                    () -> search.search(
                            SearchCriteria.none().atStation(StationId.parse("ST-7"), from, from.plusSeconds(86_400)),
                            null,
                            50));
            measure(
                    "search by firmware version and status, first page",
                    () -> search.search(
                            SearchCriteria.none().firmwareVersion("4.2.0").status(UnitStatus.HELD), null, 50));
            measure(
                    "search by work order, first page",
                    () -> search.search(SearchCriteria.none().workOrder(WorkOrderNumber.parse("WO-800010")), null, 50));
            assertThat(units.genealogy(COPY).operations()).hasSize(10);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void measure(String what, Callable<?> call) throws Exception {
        for (int i = 0; i < 20; i++) {
            call.call();
        }
        var times = new long[100];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            call.call();
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf("%s: median %.2f ms, p99 %.2f ms%n", what, times[times.length / 2] / 1e6, times[98] / 1e6);
    }

    private String explain(String sql, Map<String, ?> params) {
        return String.join(
                "\n",
                jdbc.sql("explain (analyze, costs off, timing off, summary on) " + sql)
                        .params(params)
                        .query(String.class)
                        .list());
    }
}
