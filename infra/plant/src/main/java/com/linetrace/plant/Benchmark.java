package com.linetrace.plant;

import com.linetrace.embedded.EmbeddedKafkaServer;
import com.linetrace.embedded.EmbeddedPostgresServer;
import com.linetrace.simulator.DemoProvisioningKeys;
import com.linetrace.simulator.benchmark.BenchmarkOptions;
import com.linetrace.simulator.benchmark.PlantBenchmark;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The benchmark: starts the whole plant in this JVM on fresh embedded PostgreSQL and Kafka (a temporary data
 * directory, a random port, the demo line, no simulator, a throw-away release key and plant CA made for the run and
 * held in memory), drives it with {@link PlantBenchmark}, prints the table and removes everything it started. Run it from the plant jar:
 *
 * <pre>java -Dloader.main=com.linetrace.plant.Benchmark -jar infra/plant/target/linetrace-plant.jar --units=300</pre>
 *
 * Options: {@code --units}, {@code --concurrency}, {@code --warmup}, {@code --rate}, {@code --rate-seconds}; any
 * other argument goes to the plant.
 */
public final class Benchmark {

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        var parsed = BenchmarkOptions.parse(args);
        var keys = DemoProvisioningKeys.generate();
        var postgres = EmbeddedPostgresServer.throwaway();
        var kafka = EmbeddedKafkaServer.throwaway();
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
            arguments.addAll(List.of(parsed.rest()));
            try (var plant = new SpringApplication(Plant.class).run(arguments.toArray(String[]::new))) {
                int port = ((WebServerApplicationContext) plant).getWebServer().getPort();
                var report = new PlantBenchmark(
                                parsed.options(),
                                URI.create("http://localhost:" + port),
                                plant.getBean(DataSource.class),
                                kafka.bootstrapServers(),
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
        }
        System.exit(status);
    }
}
