package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.MessagingSettings;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import kafka.server.KafkaConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;
import org.w3c.dom.Element;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code infra/compose/compose.yaml} checked against the code, without a Docker engine: every launcher in the
 * repository runs twice, each on the port its launcher serves, with a health check on readiness; every environment
 * variable a launcher gets names a property that launcher has; the brokers form one KRaft quorum that keeps every topic
 * on three brokers and acknowledges a write on two; no password or private key is in the file.
 */
class ComposeFileTests {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?}");
    private static final String READY = "linetrace-ready";

    private static Path root;
    private static Map<String, String> dotEnv;
    private static Map<String, Map<String, Object>> services;
    private static Map<String, Object> compose;
    private static Map<Path, Launcher> launchers;
    private static Metadata metadata;

    @BeforeAll
    static void read() throws Exception {
        root = repositoryRoot();
        dotEnv = dotEnv(root.resolve("infra/compose/env.example"));
        compose = yaml(root.resolve("infra/compose/compose.yaml"));
        services = mapOfMaps(compose.get("services"));
        launchers = launchers();
        metadata = Metadata.load();
    }

    @Test
    void runsEveryLauncherOfTheRepositoryTwice() {
        assertThat(launchers).isNotEmpty();
        var built = services.entrySet().stream()
                .filter(e -> jarOf(e.getValue()) != null)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(launcherServices().keySet())
                .as("services whose image is built from a launcher of the repository")
                .containsExactlyInAnyOrderElementsOf(built);
        var instances = new TreeMap<Path, List<String>>();
        launcherServices()
                .forEach((name, launcher) -> instances
                        .computeIfAbsent(launcher.dir(), d -> new ArrayList<>())
                        .add(name));
        assertThat(instances.keySet())
                .as("launchers in the repository")
                .containsExactlyInAnyOrderElementsOf(launchers.keySet());
        instances.forEach(
                (dir, names) -> assertThat(names).as("instances of %s", dir).hasSize(2));
    }

    @Test
    void buildsEachInstanceFromItsLaunchersJarAndChecksReadinessOnItsPort() {
        launcherServices().forEach((name, launcher) -> {
            var service = services.get(name);
            var jar = jarOf(service);
            assertThat(Path.of(jar).getFileName().toString())
                    .as("%s: the jar the launcher's build writes", name)
                    .isEqualTo(launcher.artifactId() + "-" + launcher.version() + ".jar");
            assertThat(healthCheck(name))
                    .as("%s: readiness of the port its launcher serves", name)
                    .containsExactly("CMD", READY, String.valueOf(launcher.port()));
            assertThat(service.get("restart")).as("%s: restart policy", name).isEqualTo("unless-stopped");
            assertThat(service.get("mem_limit")).as("%s: memory limit", name).isNotNull();
        });
        assertThat(root.resolve("infra/compose/" + READY)).isExecutable();
    }

    @Test
    void setsEachLauncherOnlyPropertiesThatLauncherHas() {
        var unknown = new TreeMap<String, List<String>>();
        launcherServices()
                .forEach((name, launcher) -> environment(name).keySet().stream()
                        .filter(variable -> !metadata.knows(variable, launcher.modules()))
                        .forEach(variable -> unknown.computeIfAbsent(name, n -> new ArrayList<>())
                                .add(variable)));
        assertThat(unknown)
                .as("environment variables that name no property of the service's launcher")
                .isEmpty();
    }

    @Test
    void everyServiceDeclaresItsTopicsOnThreeBrokersAcknowledgedByTwo() {
        launcherServices().forEach((name, launcher) -> {
            if (launcher.modules().contains(root.resolve("services/messaging"))
                    && !launcher.dir().startsWith(root.resolve("ui"))) {
                assertThat(environment(name)).as(name).containsEntry("LINETRACE_MESSAGING_REPLICAS", "3");
            }
        });
        // What the services make of that setting: the topics they declare.
        var settings = new MessagingSettings(
                Duration.ofMillis(500),
                200,
                Duration.ofSeconds(10),
                Duration.ofDays(7),
                Integer.parseInt(dotEnv.get("LINETRACE_PARTITIONS")),
                (short) 3,
                3,
                Duration.ofMillis(200),
                Duration.ofSeconds(1));
        var topics =
                Declared.topics(MessagingAutoConfiguration.topicWithDeadLetter("linetrace.unit-events.v1", settings));
        assertThat(topics).hasSize(2).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
            assertThat(topic.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        });
    }

    @Test
    void runsThreeKraftNodesOfOneClusterThatKeepEveryTopicOnThreeAndAcknowledgeOnTwo() {
        var brokers = services.entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().get("image")).startsWith("apache/kafka:"))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        assertThat(brokers).hasSize(3);
        var voters = new HashSet<String>();
        var clusterIds = new HashSet<String>();
        var nodeIds = new HashSet<String>();
        for (var broker : brokers) {
            var env = environment(broker);
            nodeIds.add(env.get("KAFKA_NODE_ID"));
            clusterIds.add(env.get("CLUSTER_ID"));
            voters.add(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
            assertThat(env).as(broker).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
            var controllerPort = listenerPort(env.get("KAFKA_LISTENERS"), "CONTROLLER");
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                    .as("%s is a voter at its controller listener", broker)
                    .contains(env.get("KAFKA_NODE_ID") + "@" + broker + ":" + controllerPort);
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS"))
                    .as("%s advertises its own name", broker)
                    .isEqualTo("PLAINTEXT://" + broker + ":" + listenerPort(env.get("KAFKA_LISTENERS"), "PLAINTEXT"));
            assertThat(env)
                    .as(broker)
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                    .containsEntry("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false");
            // The image turns KAFKA_FOO_BAR into foo.bar; a misspelt one would be ignored without a word.
            var brokerConfigs = KafkaConfig.configDef().names();
            env.keySet().stream()
                    .filter(variable -> variable.startsWith("KAFKA_") && !variable.equals("KAFKA_HEAP_OPTS"))
                    .forEach(variable -> assertThat(brokerConfigs)
                            .as("%s: %s names a broker setting", broker, variable)
                            .contains(brokerSetting(variable)));
            assertThat(healthCheck(broker)).isNotEmpty();
            assertThat(services.get(broker).get("volumes"))
                    .as("%s keeps its log on a volume", broker)
                    .isNotNull();
        }
        assertThat(nodeIds).hasSize(3);
        assertThat(clusterIds).hasSize(1).doesNotContain("", null);
        assertThat(voters).as("one quorum").hasSize(1);
        assertThat(voters.iterator().next().split(",")).hasSize(3);
    }

    @Test
    void startsEachProcessOnlyOnceWhatItNeedsIsHealthy() {
        services.forEach((name, service) -> {
            assertThat(service.get("restart")).as("%s: restart policy", name).isNotNull();
            assertThat(healthCheck(name)).as("%s: health check", name).isNotEmpty();
            if (service.get("depends_on") != null) {
                mapOfMaps(service.get("depends_on"))
                        .forEach((needed, condition) -> assertThat(condition)
                                .as("%s waits for %s", name, needed)
                                .containsEntry("condition", "service_healthy"));
            }
        });
        launcherServices().forEach((name, launcher) -> {
            var needed = mapOfMaps(services.get(name).get("depends_on")).keySet();
            assertThat(needed).as(name).contains("kafka-1", "kafka-2", "kafka-3");
            if (environment(name).containsKey("SPRING_DATASOURCE_URL")) {
                assertThat(needed).as(name).contains("postgres");
            }
        });
    }

    @Test
    void publishesNothingButTheUiUnlessTheApiFileIsAddedAndLetsNothingElseOut() throws IOException {
        var published = services.entrySet().stream()
                .filter(e -> e.getValue().get("ports") != null)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(published).containsExactly("ui");
        assertThat(launcherServices()).doesNotContainKey("ui");
        // Only the doors are on a network with a way out; everything else is on one without.
        var networks = mapOfMaps(compose.get("networks"));
        assertThat(networks.get("inside")).containsEntry("internal", true);
        services.forEach((name, service) -> {
            var on = listOfStrings(service.get("networks"));
            assertThat(on).as("%s: networks", name).contains("inside");
            if (!name.equals("ui") && !name.equals("gateway")) {
                assertThat(on).as("%s: networks", name).containsExactly("inside");
            }
        });
        var api = mapOfMaps(yaml(root.resolve("infra/compose/compose.api.yaml")).get("services"));
        assertThat(api).containsOnlyKeys("gateway");
        assertThat(api.get("gateway")).containsOnlyKeys("ports");
    }

    @Test
    void keepsEveryPasswordAndPrivateKeyOutOfTheFile() throws IOException {
        var text = Files.readString(root.resolve("infra/compose/compose.yaml"));
        assertThat(text).doesNotContain("-----BEGIN");
        services.forEach((name, service) -> environment(name).forEach((variable, value) -> {
            assertThat(variable)
                    .as("%s: a password is given as a file", name)
                    .doesNotEndWith("PASSWORD")
                    .doesNotEndWith("SECRET");
            if (variable.contains("PASSWORD") || variable.contains("SIGNINGKEY") || variable.contains("SECRET")) {
                assertThat(value).as("%s: %s", name, variable).startsWith("/run/secrets/");
            }
        }));
        var secrets = mapOfMaps(compose.get("secrets"));
        assertThat(secrets).isNotEmpty();
        secrets.forEach((name, secret) ->
                assertThat(String.valueOf(secret.get("file"))).as(name).startsWith("./secrets/"));
        assertThat(Files.readAllLines(root.resolve("infra/compose/.gitignore"))).contains("secrets/", ".env");
        // Each service signs in to PostgreSQL as itself, its password read from its secret by Spring's config tree.
        launcherServices().forEach((name, launcher) -> {
            var env = environment(name);
            if (!env.containsKey("SPRING_DATASOURCE_URL")) {
                return;
            }
            var schema = launcher.dir().getParent().getFileName().toString();
            assertThat(env).as(name).containsEntry("SPRING_DATASOURCE_USERNAME", "linetrace_" + schema);
            assertThat(env.get("SPRING_CONFIG_IMPORT")).as(name).contains("configtree:/run/secrets/");
            assertThat(listOfMaps(services.get(name).get("secrets")))
                    .as(name)
                    .contains(Map.of("source", schema + "_db_password", "target", "spring.datasource.password"));
        });
        assertThat(environment("postgres"))
                .containsKey("POSTGRES_PASSWORD_FILE")
                .doesNotContainKey("POSTGRES_PASSWORD");
    }

    @Test
    void givesEachServiceWithADatabaseALoginOfItsOwnAtTheFirstStart() throws IOException {
        var script = Files.readString(root.resolve("infra/compose/postgres/create-logins.sh"));
        var loop = Pattern.compile("for service in ([a-z ]+); do").matcher(script);
        assertThat(loop.find()).isTrue();
        var logins = Set.of(loop.group(1).trim().split(" +"));
        var schemas = launcherServices().entrySet().stream()
                .filter(e -> environment(e.getKey()).containsKey("SPRING_DATASOURCE_URL"))
                .map(e -> e.getValue().dir().getParent().getFileName().toString())
                .collect(Collectors.toSet());
        assertThat(logins).isEqualTo(schemas);
        assertThat(listOfStrings(services.get("postgres").get("secrets")))
                .containsAll(schemas.stream().map(s -> s + "_db_password").toList());
    }

    @Test
    void theHealthCheckPassesOnlyWhileReadinessIsUp() throws Exception {
        var answer = new java.util.concurrent.atomic.AtomicReference<>("UP");
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            var body = ("{\"status\":\"" + answer.get() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.spring-boot.actuator.v3+json");
            exchange.sendResponseHeaders(answer.get().equals("UP") ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            assertThat(ready(port)).as("readiness UP").isZero();
            answer.set("OUT_OF_SERVICE");
            assertThat(ready(port)).as("readiness OUT_OF_SERVICE").isNotZero();
        } finally {
            server.stop(0);
        }
        try (var unused = new java.net.ServerSocket(0)) {
            int closed = unused.getLocalPort();
            unused.close();
            assertThat(ready(closed)).as("nothing listening").isNotZero();
        }
    }

    private static int ready(int port) throws Exception {
        var probe = new ProcessBuilder(root.resolve("infra/compose/" + READY).toString(), String.valueOf(port))
                .redirectErrorStream(true)
                .start();
        probe.getInputStream().readAllBytes();
        assertThat(probe.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return probe.exitValue();
    }

    @Test
    void theGatewaySendsEveryPathOfEachServicesApiToThatService() throws IOException {
        var locations = new ArrayList<String[]>();
        var location = Pattern.compile("location (~ )?(\\S+) \\{ proxy_pass http://([a-z]+); }");
        for (var line : Files.readAllLines(root.resolve("infra/compose/gateway/nginx.conf"))) {
            var matcher = location.matcher(line.strip());
            if (matcher.matches()) {
                locations.add(
                        new String[] {matcher.group(1) == null ? "prefix" : "regex", matcher.group(2), matcher.group(3)
                        });
            }
        }
        var mapping = Pattern.compile("\"(/api/[^\"]*)\"");
        var checked = 0;
        for (var launcher : launchers.values()) {
            var service = launcher.dir().getParent().getFileName().toString();
            for (var module : List.of("service", "api")) {
                var sources = launcher.dir().getParent().resolve(module + "/src/main/java");
                if (!Files.isDirectory(sources)) {
                    continue;
                }
                try (var files = Files.walk(sources)) {
                    for (var file :
                            files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        var matcher = mapping.matcher(Files.readString(file));
                        while (matcher.find()) {
                            if (matcher.group(1).contains("*")) {
                                continue; // a security matcher's pattern, not an endpoint
                            }
                            var path = matcher.group(1).replaceAll("\\{[^}]*}", "X");
                            if (path.endsWith("/")) {
                                path = path + "X";
                            }
                            assertThat(routed(locations, path))
                                    .as("%s (%s) goes to %s", path, file.getFileName(), service)
                                    .isEqualTo(service);
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    /** nginx's choice: a matching regular expression location, in order, else the longest matching prefix. */
    private static String routed(List<String[]> locations, String path) {
        for (var location : locations) {
            if (location[0].equals("regex")
                    && Pattern.compile(location[1]).matcher(path).find()) {
                return location[2];
            }
        }
        return locations.stream()
                .filter(l -> l[0].equals("prefix") && path.startsWith(l[1]))
                .max(java.util.Comparator.comparingInt(l -> l[1].length()))
                .map(l -> l[2])
                .orElse("(no route)");
    }

    /** Where docker compose is installed, it parses and validates the file too (it needs no engine for that). */
    @Test
    void dockerComposeAcceptsTheFiles() throws Exception {
        var command = Stream.of("/usr/bin/docker-compose", "/usr/local/bin/docker-compose")
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst();
        Assumptions.assumeTrue(command.isPresent(), "docker-compose is not installed here");
        for (var overlay : List.of("compose.api.yaml", "compose.external-servers.yaml")) {
            var process = new ProcessBuilder(command.get(), "-f", "compose.yaml", "-f", overlay, "config", "--quiet")
                    .directory(root.resolve("infra/compose").toFile())
                    .redirectErrorStream(true);
            process.environment().putAll(dotEnv);
            var running = process.start();
            var output = new String(running.getInputStream().readAllBytes());
            assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(running.exitValue()).as("%s: %s", overlay, output).isZero();
        }
    }

    /** What Spring's KafkaAdmin creates from a service's topic declaration. */
    private static final class Declared extends KafkaAdmin {

        private Declared() {
            super(Map.of());
        }

        static List<NewTopic> topics(KafkaAdmin.NewTopics declared) {
            try (var context = new GenericApplicationContext()) {
                context.registerBean("declared", KafkaAdmin.NewTopics.class, () -> declared);
                context.refresh();
                var admin = new Declared();
                admin.setApplicationContext(context);
                return List.copyOf(admin.newTopics());
            }
        }
    }

    // --- reading the files ---

    private record Launcher(Path dir, String artifactId, String version, int port, Set<Path> modules) {}

    /**
     * The compose services that run a launcher of the repository, by the jar their image is built from; one built
     * from anything else fails {@link #runsEveryLauncherOfTheRepositoryTwice()}.
     */
    private static Map<String, Launcher> launcherServices() {
        var running = new TreeMap<String, Launcher>();
        services.forEach((name, service) -> {
            var jar = jarOf(service);
            if (jar == null) {
                return;
            }
            var dir = root.resolve(jar.substring(0, jar.indexOf("/target/"))).normalize();
            var launcher = launchers.get(dir);
            if (launcher != null) {
                running.put(name, launcher);
            }
        });
        return running;
    }

    private static String jarOf(Map<String, Object> service) {
        if (!(service.get("build") instanceof Map<?, ?> build) || !(build.get("args") instanceof Map<?, ?> args)) {
            return null;
        }
        return (String) args.get("JAR");
    }

    private static List<String> healthCheck(String name) {
        if (!(services.get(name).get("healthcheck") instanceof Map<?, ?> check)
                || !(check.get("test") instanceof List<?> test)) {
            return List.of();
        }
        return test.stream().map(String::valueOf).toList();
    }

    private static Map<String, String> environment(String name) {
        var env = new LinkedHashMap<String, String>();
        if (services.get(name).get("environment") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        return env;
    }

    /** Every {@code services/<s>/launcher} and {@code ui/launcher}, with what its pom and properties say. */
    private static Map<Path, Launcher> launchers() throws Exception {
        var poms = new HashMap<String, Path>();
        try (var walk = Files.walk(root, 4)) {
            walk.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .forEach(p -> poms.put(artifactId(p), p.getParent()));
        }
        var version = text(document(root.resolve("pom.xml")), "version");
        var found = new TreeMap<Path, Launcher>();
        var candidates = new ArrayList<Path>();
        try (var list = Files.list(root.resolve("services"))) {
            list.map(d -> d.resolve("launcher")).filter(Files::isDirectory).forEach(candidates::add);
        }
        if (Files.isDirectory(root.resolve("ui/launcher"))) {
            candidates.add(root.resolve("ui/launcher"));
        }
        for (var dir : candidates) {
            var properties = new Properties();
            try (InputStream in = Files.newInputStream(dir.resolve("src/main/resources/application.properties"))) {
                properties.load(in);
            }
            var artifact = artifactId(dir.resolve("pom.xml"));
            found.put(
                    dir.normalize(),
                    new Launcher(
                            dir.normalize(),
                            artifact,
                            version,
                            Integer.parseInt(properties.getProperty("server.port")),
                            closure(artifact, poms)));
        }
        return found;
    }

    /** The repository's modules a launcher runs: itself and every LineTrace module it depends on, transitively. */
    private static Set<Path> closure(String artifactId, Map<String, Path> poms) throws Exception {
        var modules = new HashSet<Path>();
        var pending = new ArrayList<>(List.of(artifactId));
        while (!pending.isEmpty()) {
            var dir = poms.get(pending.removeLast());
            if (dir == null || !modules.add(dir.normalize())) {
                continue;
            }
            var dependencies = document(dir.resolve("pom.xml")).getElementsByTagName("dependency");
            for (int i = 0; i < dependencies.getLength(); i++) {
                var dependency = (Element) dependencies.item(i);
                if ("com.linetrace".equals(text(dependency, "groupId")) && !"test".equals(text(dependency, "scope"))) {
                    pending.add(text(dependency, "artifactId"));
                }
            }
        }
        return modules;
    }

    private static String artifactId(Path pom) {
        try {
            return text(document(pom), "artifactId");
        } catch (Exception e) {
            throw new IllegalStateException(pom.toString(), e);
        }
    }

    private static Element document(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(pom.toFile())
                .getDocumentElement();
    }

    /** The text of {@code element}'s own child {@code tag} (not a nested one, such as the parent's). */
    private static String text(Element element, String tag) {
        for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(tag)) {
                return child.getTextContent().trim();
            }
        }
        return null;
    }

    private static int listenerPort(String listeners, String name) {
        var matcher = Pattern.compile(name + "://[^:,]*:(\\d+)").matcher(listeners);
        assertThat(matcher.find()).as("%s in %s", name, listeners).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** The apache/kafka image's mapping: KAFKA_ dropped, ___ a dash, __ an underscore, _ a dot, lower case. */
    private static String brokerSetting(String variable) {
        return variable.substring("KAFKA_".length())
                .replace("___", "-")
                .replace("__", "\u0000")
                .replace('_', '.')
                .replace('\u0000', '_')
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** The file as docker compose reads it: variables replaced from env.example or their defaults. */
    private static Map<String, Object> yaml(Path file) throws IOException {
        var text = Files.readString(file);
        var interpolated = new StringBuilder();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            var name = matcher.group(1);
            var operator = matcher.group(2);
            var value = dotEnv.getOrDefault(name, "");
            if (value.isEmpty()) {
                assertThat(operator)
                        .as("%s has a default or is set in env.example", name)
                        .isNotNull();
                assertThat(operator)
                        .as("%s is required, so env.example sets it", name)
                        .doesNotEndWith("?");
                value = matcher.group(3);
            }
            matcher.appendReplacement(interpolated, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(interpolated);
        return new Yaml().load(interpolated.toString());
    }

    /** env.example, with a cluster id filled in as the README has the IT team do. */
    private static Map<String, String> dotEnv(Path file) throws IOException {
        var values = new HashMap<String, String>();
        for (var line : Files.readAllLines(file)) {
            var trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            values.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
        }
        assertThat(values.get("LINETRACE_KAFKA_CLUSTER_ID"))
                .as("made per plant, so empty")
                .isEmpty();
        values.put("LINETRACE_KAFKA_CLUSTER_ID", "q1Sh-9_ISia_zwGINzRvyQ");
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> mapOfMaps(Object value) {
        var result = new LinkedHashMap<String, Map<String, Object>>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? Map.of() : (Map<String, Object>) v));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value) {
        return value instanceof List<?> list
                ? list.stream()
                        .filter(Map.class::isInstance)
                        .map(m -> (Map<String, Object>) m)
                        .toList()
                : List.of();
    }

    private static List<String> listOfStrings(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static Path repositoryRoot() {
        var dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return Objects.requireNonNull(dir, "not inside the repository");
    }

    /**
     * The Spring Boot configuration metadata on this class path: LineTrace modules' own (each known by the module it
     * was built in, so a launcher is credited only with the modules it runs) and every library's.
     */
    private record Metadata(Map<Path, Set<String>> byModule, Set<String> libraries, Set<String> libraryMaps) {

        static Metadata load() throws IOException {
            var byModule = new HashMap<Path, Set<String>>();
            var libraries = new HashSet<String>();
            var libraryMaps = new HashSet<String>();
            var json = JsonMapper.builder().build();
            var loader = ComposeFileTests.class.getClassLoader();
            for (var resource : List.of(
                    "META-INF/spring-configuration-metadata.json",
                    "META-INF/additional-spring-configuration-metadata.json")) {
                for (URL url : Collections.list(loader.getResources(resource))) {
                    JsonNode document;
                    try (var in = url.openStream()) {
                        document = json.readTree(in);
                    }
                    var module = moduleOf(url);
                    for (var property : document.path("properties")) {
                        var name = canonical(property.path("name").asString());
                        var isMap = property.path("type").asString("").startsWith("java.util.Map");
                        if (module != null) {
                            byModule.computeIfAbsent(module, m -> new HashSet<>())
                                    .add(isMap ? name + ".*" : name);
                        } else {
                            libraries.add(name);
                            if (isMap) {
                                libraryMaps.add(name);
                            }
                        }
                    }
                }
            }
            return new Metadata(byModule, libraries, libraryMaps);
        }

        /** The repository module a metadata file was built in, or null for a library's. */
        private static Path moduleOf(URL url) {
            var path = url.getPath().replaceFirst("^file:", "");
            int target = path.indexOf("/target/");
            if (target < 0 || !path.startsWith(root.toString() + "/")) {
                return null;
            }
            return Path.of(path.substring(0, target)).normalize();
        }

        /** True when {@code variable}, as Spring Boot binds an environment variable, names a property. */
        boolean knows(String variable, Set<Path> modules) {
            var name = variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
            if (name.startsWith("linetrace.")) {
                return modules.stream()
                        .map(m -> byModule.getOrDefault(m, Set.of()))
                        .flatMap(Set::stream)
                        .anyMatch(p ->
                                p.endsWith(".*") ? name.startsWith(p.substring(0, p.length() - 1)) : p.equals(name));
            }
            return libraries.contains(name) || libraryMaps.stream().anyMatch(m -> name.startsWith(m + "."));
        }

        private static String canonical(String property) {
            return property.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        }
    }
}
