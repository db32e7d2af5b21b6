package com.linetrace.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drives units of the demo line through tracking's HTTP API, as stations would. For tests. */
public final class LineDriver {

    /** Where each operation of the demo route is done. */
    public static final Map<Integer, String> STATION_OF = Map.of(
            10, "ASM-1", 20, "ASM-1", 30, "ASM-2", 40, "ASM-2", 50, "FW-1", 60, "KEY-1", 70, "TST-1", 80, "TST-2", 90,
            "INS-1", 100, "PCK-1");

    private final int port;
    private final JdbcClient jdbc;
    private final ApiClient operator;

    public LineDriver(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
        this.operator = ApiClient.at(port).as("operator");
    }

    public List<String> newSerials(int quantity) {
        var released = ApiClient.at(port)
                .as("supervisor")
                .post("/api/work-orders", "{\"model\":\"AX4-ENT\",\"line\":\"L1\",\"quantity\":" + quantity + "}");
        assertThat(released.status()).as(released.body()).isEqualTo(201);
        var serials = new ArrayList<String>();
        released.json().get("serials").forEach(s -> serials.add(s.asString()));
        return serials;
    }

    /**
     * Takes a unit through every operation up to and including {@code lastSeq}, each with PASS: scanning the parts
     * its bill of materials asks for ({@code lot} for parts traced by lot), with provisioning verified before
     * pack-out.
     */
    public void walk(String serial, int lastSeq, String lot) {
        STATION_OF.keySet().stream().sorted().filter(seq -> seq <= lastSeq).forEach(seq -> {
            var station = STATION_OF.get(seq);
            if (seq == 100) {
                verifyProvisioning(serial);
            }
            var in = scan(station, serial).json();
            assertThat(in.get("verdict").asString()).as(in.toString()).isEqualTo("ACCEPTED");
            installAllParts(station, serial, lot);
            var out = checkOut(station, serial, "PASS", List.of()).json();
            assertThat(out.get("verdict").asString()).as(out.toString()).isEqualTo("ACCEPTED");
        });
    }

    public void walk(String serial, int lastSeq) {
        walk(serial, lastSeq, "LOT-2611");
    }

    public void installAllParts(String station, String serial, String lot) {
        var work = operator.get("/api/stations/" + station + "/work/" + serial).json();
        work.get("parts").forEach(part -> {
            for (int i = part.get("installed").asInt(); i < part.get("required").asInt(); i++) {
                var number = part.get("partNumber").asString();
                var barcode = part.get("serialized").asBoolean()
                        ? number + ";S="
                                + UUID.randomUUID().toString().substring(0, 12).toUpperCase()
                        : number + ";L=" + lot;
                var verdict = installPart(station, serial, barcode).json();
                assertThat(verdict.get("verdict").asString())
                        .as(verdict.toString())
                        .isEqualTo("ACCEPTED");
            }
        });
    }

    /** What provisioning's events record for a unit whose firmware and key it verified. */
    public void verifyProvisioning(String serial) {
        for (var item : List.of(
                "FIRMWARE:FLIGHT_CONTROLLER", "FIRMWARE:ESC", "FIRMWARE:GIMBAL", "FIRMWARE:REMOTE_LINK", "KEY")) {
            jdbc.sql("insert into tracking.unit_provisioning (serial, item, verified, detail, occurred_at)"
                            + " values (:serial, :item, true, 'test', now()) on conflict do nothing")
                    .param("serial", serial)
                    .param("item", item)
                    .update();
        }
    }

    public ApiClient.Response scan(String station, String barcode) {
        return operator.post("/api/stations/" + station + "/scans", "{\"barcode\":\"" + barcode + "\"}");
    }

    public ApiClient.Response installPart(String station, String serial, String barcode) {
        return operator.post(
                "/api/stations/" + station + "/materials",
                "{\"serial\":\"" + serial + "\",\"barcode\":\"" + barcode + "\"}");
    }

    public ApiClient.Response checkOut(String station, String serial, String result, List<String> defects) {
        var codes = String.join(",", defects.stream().map(d -> "\"" + d + "\"").toList());
        return operator.post(
                "/api/stations/" + station + "/check-outs",
                "{\"serial\":\"" + serial + "\",\"result\":\"" + result + "\",\"defects\":[" + codes + "]}");
    }

    /** A column of the unit's row as text; null when the column is (a hold not there yet reads as null, no error). */
    public @Nullable String unitColumn(String serial, String column) {
        return jdbc.sql("select " + column + "::text from tracking.unit where serial = :serial")
                .param("serial", serial)
                .query((rs, n) -> rs.getString(1))
                .single();
    }
}
