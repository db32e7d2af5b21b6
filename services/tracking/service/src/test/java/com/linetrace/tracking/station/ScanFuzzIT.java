package com.linetrace.tracking.station;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.tracking.LineDriver;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeded random and mutated barcodes and bodies thrown at the station endpoints: never a 5xx, and a refused
 * request changes nothing. Each seed is a test case, so a failure names the seed that reproduces it.
 */
@IntegrationTest
class ScanFuzzIT {

    private static final String[] ENDPOINTS = {"scans", "check-outs", "materials"};
    private static final int ROUNDS_PER_SEED = 40;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient operator;
    LineDriver line;

    @BeforeEach
    void setUp() {
        operator = ApiClient.at(port).as("operator");
        line = new LineDriver(port, jdbc);
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L, 4L, 5L, 20261125L);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void neverFailsAndNeverChangesAUnitOnARefusal(long seed) {
        var random = new Random(seed);
        var serial = line.newSerials(1).getFirst();
        line.scan("ASM-1", serial);
        var before = snapshot(serial);
        for (int round = 0; round < ROUNDS_PER_SEED; round++) {
            var endpoint = ENDPOINTS[random.nextInt(ENDPOINTS.length)];
            var body = body(random, endpoint, mutate(random, serial));
            var response = operator.post("/api/stations/ASM-1/" + endpoint, body);
            assertThat(response.status())
                    .as("seed %d round %d: %s → %s", seed, round, body, response.body())
                    .isLessThan(500);
            if (response.status() >= 400) {
                assertThat(response.isProblem()).as(body).isTrue();
            }
            boolean refused = response.status() != 200
                    || !"ACCEPTED".equals(response.json().path("verdict").asString(""));
            if (refused) {
                assertThat(snapshot(serial))
                        .as("seed %d round %d: %s", seed, round, body)
                        .isEqualTo(before);
            } else {
                before = snapshot(serial);
            }
        }
    }

    /** The unit's row, its events and its parts, as text. */
    private List<String> snapshot(String serial) {
        return List.of(
                jdbc.sql("select row_to_json(u)::text from tracking.unit u where serial = :s")
                        .param("s", serial)
                        .query(String.class)
                        .single(),
                jdbc.sql("select count(*)::text from tracking.outbox where message_key = :s")
                        .param("s", serial)
                        .query(String.class)
                        .single(),
                jdbc.sql("select count(*)::text from tracking.installed_part where serial = :s")
                        .param("s", serial)
                        .query(String.class)
                        .single());
    }

    private static String body(Random random, String endpoint, String barcode) {
        var quoted = quote(barcode);
        return switch (random.nextInt(8)) {
            case 0 -> "{\"barcode\":" + quoted + "}";
            case 1 ->
                "{\"serial\":" + quoted + ",\"result\":\"" + pick(random, "PASS", "FAIL", "MAYBE", "") + "\","
                        + "\"defects\":[" + quote(mutate(random, "MTR-CURRENT-HIGH")) + "]}";
            case 2 -> "{\"serial\":" + quoted + ",\"barcode\":" + quote(mutate(random, "ARM-AX4;L=LOT-1")) + "}";
            case 3 -> "{\"barcode\":" + random.nextInt() + "}";
            case 4 ->
                "{\"scanId\":" + quote(mutate(random, "0193a3a0-0000-7000-8000-000000000000")) + ",\"barcode\":"
                        + quoted + "}";
            case 5 -> "[" + quoted + "]";
            case 6 -> quoted.substring(0, random.nextInt(quoted.length()));
            default -> "{\"barcode\":" + quoted + ",\"serial\":null,\"result\":null,\"defects\":null}";
        };
    }

    /** A barcode a scanner or a person might really produce: misread, truncated, padded, or garbage. */
    private static String mutate(Random random, String valid) {
        var chars = new StringBuilder(valid);
        switch (random.nextInt(9)) {
            case 0 -> chars.setCharAt(random.nextInt(chars.length()), (char) (33 + random.nextInt(94)));
            case 1 -> chars.deleteCharAt(random.nextInt(chars.length()));
            case 2 -> chars.insert(random.nextInt(chars.length() + 1), (char) (33 + random.nextInt(94)));
            case 3 -> {
                int i = random.nextInt(chars.length() - 1);
                char c = chars.charAt(i);
                chars.setCharAt(i, chars.charAt(i + 1));
                chars.setCharAt(i + 1, c);
            }
            case 4 -> chars.append("\r\n\t");
            case 5 -> chars.setLength(random.nextInt(chars.length()));
            case 6 -> chars.insert(0, "\u0000\u202e\uD83D\uDE81");
            case 7 -> chars.append(valid.repeat(1 + random.nextInt(300)));
            default -> {
                chars.setLength(0);
                random.ints(random.nextInt(40), 0, 0x3000).forEach(c -> chars.append((char) c));
            }
        }
        return chars.toString();
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String quote(String text) {
        var json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
