package com.linetrace.plant;

import com.linetrace.embedded.DataDirectoryLock;
import com.linetrace.embedded.EmbeddedKafkaServer;
import com.linetrace.embedded.EmbeddedPostgresServer;
import com.linetrace.simulator.DemoProvisioningKeys;
import com.linetrace.simulator.benchmark.BenchmarkOptions;
import com.linetrace.simulator.benchmark.PlantBenchmark;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The benchmark: starts the whole plant in this JVM on fresh embedded PostgreSQL and Kafka with the plant's durable
 * settings (a temporary data directory, a random port, the demo line, no simulator, a throw-away release key and plant CA made for the run and
 * held in memory), drives it with {@link PlantBenchmark}, prints the table and removes everything it started. Run it from the plant jar:
 *
 * <pre>java -Dloader.main=com.linetrace.plant.Benchmark -jar infra/plant/target/linetrace-plant.jar --units=300</pre>
 *
 * Options: {@code --units}, {@code --concurrency}, {@code --warmup}, {@code --rate}, {@code --rate-seconds},
 * {@code --fast-servers} (the tests' crash-unsafe settings, for comparison); any other argument goes to the plant.
 */
public final class Benchmark {

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        // --fast-servers: PostgreSQL with fsync off and Kafka without a flush per write, to see what durability costs.
        boolean fast = List.of(args).contains("--fast-servers");
        var parsed = BenchmarkOptions.parse(
                Stream.of(args).filter(a -> !a.equals("--fast-servers")).toArray(String[]::new));
        var keys = DemoProvisioningKeys.generate();
        var dataDir = Files.createTempDirectory("linetrace-benchmark-");
        var lock = DataDirectoryLock.acquire(dataDir);
        var postgres =
                fast ? EmbeddedPostgresServer.throwaway() : EmbeddedPostgresServer.durable(dataDir.resolve("postgres"));
        var kafka = fast ? EmbeddedKafkaServer.throwaway() : EmbeddedKafkaServer.durable(dataDir.resolve("kafka"));
        int status = 0;
        try {
            var arguments = new ArrayList<>(List.of(
                    "--spring.profiles.active=demo",
                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=" + postgres.username(),
                    "--spring.datasource.password=" + postgres.password(),
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--server.port=0",
                    "--linetrace.simulator.enabled=false",
                    "--linetrace.provisioning.trusted-release-keys[0]=" + keys.releasePublicKeyPem(),
                    "--linetrace.provisioning.plant-ca-certificate=" + keys.caCertificatePem(),
                    "--linetrace.plant.open-browser=false",
                    "--logging.level.root=WARN",
                    "--logging.level.com.linetrace.simulator.benchmark=INFO"));
            // In this JVM's own arguments, not a command line another user could read.
            kafka.springProperties().forEach((key, value) -> arguments.add("--" + key + "=" + value));
            arguments.addAll(List.of(parsed.rest()));
            try (var plant = new SpringApplication(Plant.class).run(arguments.toArray(String[]::new))) {
                int port = ((WebServerApplicationContext) plant).getWebServer().getPort();
                var report = new PlantBenchmark(
                                parsed.options(),
                                URI.create("http://localhost:" + port),
                                plant.getBean(DataSource.class),
                                kafka.clientConfig(),
                                keys)
                        .run();
                report.print(System.out);
            }
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            kafka.close();
            postgres.close();
            lock.close();
            deleteTree(dataDir);
        }
        System.exit(status);
    }

    /** Removes a directory and everything in it. */
    static void deleteTree(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
