package com.linetrace.bulkload;

import com.linetrace.contracts.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The bulk load command: writes a plant's months of unit events ({@code linetrace.unit-events.v1}) and provisioning
 * verdicts ({@code linetrace.provisioning-events.v1}) straight to Kafka, keyed by serial, encoded by the contracts'
 * codecs, as tracking and provisioning would have written them for 200,000 units (about 11 million events). Run it
 * from the plant jar:
 *
 * <pre>java -Dloader.main=com.linetrace.bulkload.BulkLoad -jar infra/plant/target/linetrace-plant.jar \
 *   --bootstrap-servers=localhost:9092 --units=200000</pre>
 *
 * Options: {@link LoadOptions#parse}, {@code --bootstrap-servers} (default {@code localhost:9092}) and
 * {@code --partitions} (of the topics when they do not exist yet; default 3, as the services declare them).
 */
public final class BulkLoad {

    private final LoadPlan plan;
    private final String bootstrapServers;
    private final Map<String, String> signIn;
    private final int partitions;

    public BulkLoad(LoadOptions options, String bootstrapServers, int partitions) {
        this(options, bootstrapServers, Map.of(), partitions);
    }

    /** {@code signIn}: the Kafka client settings a broker that asks for a password needs (SASL). */
    public BulkLoad(LoadOptions options, String bootstrapServers, Map<String, String> signIn, int partitions) {
        this.plan = new LoadPlan(options);
        this.bootstrapServers = bootstrapServers;
        this.signIn = Map.copyOf(signIn);
        this.partitions = partitions;
    }

    public static void main(String[] args) throws Exception {
        var parsed = LoadOptions.parse(List.of(args));
        var bootstrap = "localhost:9092";
        int partitions = 3;
        for (var arg : parsed.rest()) {
            if (arg.startsWith("--bootstrap-servers=")) {
                bootstrap = arg.substring("--bootstrap-servers=".length());
            } else if (arg.startsWith("--partitions=")) {
                partitions = Integer.parseInt(arg.substring("--partitions=".length()));
            } else {
                System.err.println("Unknown argument " + arg);
                System.exit(2);
            }
        }
        var result = new BulkLoad(parsed.options(), bootstrap, partitions).run(System.out);
        System.out.println(result);
    }

    /** What a load wrote and how fast. */
    public record Result(long units, long unitEvents, long provisioningEvents, Duration took) {
        public long events() {
            return unitEvents + provisioningEvents;
        }

        public double eventsPerSecond() {
            return events() / Math.max(0.001, took.toNanos() / 1e9);
        }

        @Override
        public String toString() {
            return String.format(
                    "Wrote %,d units: %,d unit events and %,d provisioning events (%,d) in %s, %,.0f events/s",
                    units, unitEvents, provisioningEvents, events(), ProgressBar.format(took), eventsPerSecond());
        }
    }

    /** Writes the load, drawing its progress on {@code console}; fails if Kafka refused any event. */
    public Result run(PrintStream console) throws InterruptedException, ExecutionException {
        createTopics();
        var failure = new AtomicReference<Exception>();
        var bar = new ProgressBar(console, "units", plan.options().units());
        try (var producer = new KafkaProducer<String, byte[]>(producerSettings())) {
            var counts = new LoadGenerator(plan)
                    .run(
                            (topic, key, value) -> producer.send(new ProducerRecord<>(topic, key, value), (m, e) -> {
                                if (e != null) {
                                    failure.compareAndSet(null, e);
                                }
                            }),
                            c -> bar.show(c.units(), c.events(), ""));
            producer.flush();
            bar.done();
            if (failure.get() != null) {
                throw new ExecutionException("Kafka refused an event of the load", failure.get());
            }
            return new Result(counts.units(), counts.unitEvents(), counts.provisioningEvents(), bar.elapsed());
        }
    }

    public LoadPlan plan() {
        return plan;
    }

    /**
     * Tuned for throughput without giving up what the outboxes promise: idempotent, acknowledged by every in-sync
     * replica, in order per partition; large batches that wait a little to fill, compressed.
     */
    private Map<String, Object> producerSettings() {
        var settings = new HashMap<String, Object>(signIn);
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "linetrace-bulkload");
        return settings;
    }

    /**
     * The two topics as the services declare them (kept for good, the broker's replication factor), when they do not
     * exist yet.
     */
    private void createTopics() throws InterruptedException, ExecutionException {
        var props = new Properties();
        props.putAll(signIn);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (var admin = Admin.create(props)) {
            var existing = admin.listTopics().names().get();
            var topics = new ArrayList<NewTopic>();
            for (var name : Set.of(Topics.UNIT_EVENTS, Topics.PROVISIONING_EVENTS)) {
                if (!existing.contains(name)) {
                    topics.add(new NewTopic(name, Optional.of(partitions), Optional.empty())
                            .configs(Map.of(
                                    TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1")));
                }
            }
            try {
                admin.createTopics(topics).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
