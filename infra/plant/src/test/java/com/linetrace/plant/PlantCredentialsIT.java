package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.linetrace.testing.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The plant as {@code java -jar} starts it, on a data directory of its own: it makes its servers' passwords, keeps
 * them owner-only, signs in with them (its database and its broker both work) and never writes one to its log.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class PlantCredentialsIT {

    @Test
    void signsInToItsOwnServersWithThePasswordsItKeepsAndLogsNeither(CapturedOutput output) throws Exception {
        // Not a @TempDir: the embedded servers stop with the JVM (Boot's shutdown handlers), after JUnit's clean-up.
        var dataDir = Files.createTempDirectory("linetrace-plant-credentials-");
        try (var plant = new SpringApplicationBuilder(Plant.class)
                .listeners(new EmbeddedServers())
                .run(
                        "--linetrace.data-dir=" + dataDir,
                        "--server.port=0",
                        "--spring.profiles.active=demo",
                        "--linetrace.simulator.enabled=false",
                        "--linetrace.plant.open-browser=false")) {
            var api = ApiClient.at(OwnServers.port(plant));
            var credentials = dataDir.resolve("credentials");
            var postgresPassword =
                    Files.readString(credentials.resolve("postgres.password")).strip();
            var kafkaPassword =
                    Files.readString(credentials.resolve("kafka.password")).strip();

            assertThat(api.as("operator").get("/api/stations").status())
                    .as("the database answers")
                    .isEqualTo(200);
            // The demo work order's serials, issued through tracking's outbox and read back by trace from Kafka.
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(api.as("operator")
                                    .get("/api/unit-events?line=L1&limit=5")
                                    .json()
                                    .size())
                            .as("events went through the broker")
                            .isPositive());

            var login = api.get("/login", "text/html");
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.header("Strict-Transport-Security"))
                    .as("no HSTS over plain HTTP (RealServersOverTlsIT: it comes over HTTPS)")
                    .isEmpty();

            assertThat(permissions(dataDir)).isEqualTo("rwx------");
            assertThat(permissions(credentials)).isEqualTo("rwx------");
            assertThat(permissions(credentials.resolve("postgres.password"))).isEqualTo("rw-------");
            assertThat(permissions(credentials.resolve("kafka.password"))).isEqualTo("rw-------");
            assertThat(plant.getEnvironment().getProperty("spring.datasource.password"))
                    .isEqualTo(postgresPassword);
            assertThat(plant.getEnvironment().getProperty("spring.datasource.url"))
                    .doesNotContain(postgresPassword);

            var port = Files.readString(dataDir.resolve("postgres.port")).strip();
            assertThatThrownBy(() -> DriverManager.getConnection(
                                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "")
                            .close())
                    .as("another local client without the password")
                    .isInstanceOf(SQLException.class);

            assertThat(output.getAll())
                    .as("the plant's log names the password files, never a password")
                    .contains(credentials.resolve("postgres.password").toString())
                    .doesNotContain(postgresPassword)
                    .doesNotContain(kafkaPassword);
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
