package com.linetrace.plant;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.unit.UnitCompleted;
import com.linetrace.contracts.unit.UnitEvent;
import com.linetrace.embedded.EmbeddedKafkaServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The dashboard benchmark (issue 16, point 3): how long a unit event takes to reach the line dashboards open on it
 * (event → dashboard update, p50/p95/max) with {@code --sessions} of them open, and the plant's CPU meanwhile.
 *
 * <p>The plant runs as the run command starts it ({@code java -jar}, in a process of its own, PostgreSQL embedded
 * under a temporary data directory, the demo line, no simulator); the broker runs in this JVM, so that its CPU is not
 * counted as the plant's. Each session is a real Vaadin UI: its own HTTP client and cookie (an HTTP session of its
 * own), signed in through the login form, the dashboard opened by Vaadin's init request, and its push WebSocket held
 * open, as a browser tab does, without a browser's rendering. An event is a {@code UnitCompleted} of a fresh serial on
 * {@code L1}, stamped when it is sent to {@code linetrace.unit-events.v1}; the update is the first push frame a
 * session receives that shows the line's units completed today at the count this event made (the figure comes from
 * metrics, through the UI's shared board). The latency is the frame's arrival less the event's stamp, on the same
 * clock. The plant's CPU is that of its JVM and its PostgreSQL processes, from {@code /proc}, over the same window
 * with no dashboard open and with the sessions open.
 *
 * <pre>java -Dloader.main=com.linetrace.plant.DashboardBenchmark -jar infra/plant/target/linetrace-plant.jar</pre>
 *
 * Options (defaults): {@code --sessions=50 --events=60 --interval=2s --warmup=1000 --jar=<the plant jar>}.
 */
public final class DashboardBenchmark {

    private static final Pattern COUNT = Pattern.compile("\"(\\d{4,7})\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");
    private static final Pattern PUSH_ID = Pattern.compile("\"Vaadin-Push-ID\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");

    private DashboardBenchmark() {}

    record Options(int sessions, int events, Duration interval, int warmup, Path jar) {

        static Options parse(String[] args) {
            var values = new HashMap<String, String>();
            for (var arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("Not an option: " + arg);
                }
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            // java -jar x.jar puts only that jar on the class path.
            var classPath = System.getProperty("java.class.path");
            var jar = values.containsKey("jar") ? Path.of(values.get("jar")) : Path.of(classPath);
            if (!jar.toString().endsWith(".jar")) {
                throw new IllegalArgumentException("Name the plant jar with --jar=<path>");
            }
            return new Options(
                    Integer.parseInt(values.getOrDefault("sessions", "50")),
                    Integer.parseInt(values.getOrDefault("events", "60")),
                    Duration.parse("PT" + values.getOrDefault("interval", "2s").toUpperCase()),
                    Integer.parseInt(values.getOrDefault("warmup", "1000")),
                    jar);
        }
    }

    public static void main(String[] args) throws Exception {
        FaultRun.quietLogs();
        var options = Options.parse(args);
        var root = Files.createTempDirectory("linetrace-dashboard-benchmark-");
        int status = 0;
        try (var kafka = EmbeddedKafkaServer.durable(root.resolve("kafka"))) {
            int port = freePort();
            var dataDir = root.resolve("plant");
            var plant = new PlantProcess(
                    options.jar(),
                    dataDir,
                    port,
                    List.of(),
                    List.of(
                            "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                            "--linetrace.simulator.enabled=false",
                            "--logging.level.root=WARN"),
                    kafka.springProperties());
            plant.start();
            try {
                if (plant.awaitHealthy(Duration.ofMinutes(5)) == null
                        || plant.awaitDatabaseAnswers(Duration.ofMinutes(2)) == null) {
                    throw new IllegalStateException("The plant did not start:\n" + plant.logTail(40));
                }
                new DashboardBenchmark.Run(options, kafka, plant, dataDir).run();
            } finally {
                plant.stop(Duration.ofSeconds(30));
            }
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            Benchmark.deleteTree(root);
        }
        System.exit(status);
    }

    /** One run: the warm-up, the window without dashboards, the window with them. */
    private static final class Run {

        private final Options options;
        private final PlantProcess plant;
        private final Path dataDir;
        private final URI base;
        private final KafkaProducer<String, byte[]> producer;
        private final long firstSerial = ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000);
        private int sent;

        Run(Options options, EmbeddedKafkaServer kafka, PlantProcess plant, Path dataDir) {
            this.options = options;
            this.dataDir = dataDir;
            this.plant = plant;
            this.base = URI.create("http://localhost:" + plant.port());
            var config = new HashMap<String, Object>(kafka.clientConfig());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            this.producer = new KafkaProducer<>(config);
        }

        void run() throws Exception {
            var started = Instant.now();
            String loadBefore = Machine.loadAverage();
            // Warm-up: the units completed today reach a count no other figure of the page shows (4 digits or more).
            for (int i = 0; i < options.warmup(); i++) {
                send();
            }
            producer.flush();
            awaitCompletedToday(sent);
            var quiet = events(List.of(), "no dashboard open");
            var sessions = new ArrayList<Session>();
            long openStarted = System.nanoTime();
            for (int i = 0; i < options.sessions(); i++) {
                sessions.add(Session.open(base, "manager", "manager"));
            }
            var opening = Duration.ofNanos(System.nanoTime() - openStarted);
            // Every dashboard shows the figures before the measurement starts: its first board push has arrived.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (sessions.stream().anyMatch(s -> s.frames() == 0) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            var open = events(sessions, options.sessions() + " dashboards open");
            sessions.forEach(Session::close);
            producer.close();

            var out = System.out;
            out.println();
            out.println("Dashboard benchmark · " + started + " · " + Machine.cpuModel() + ", "
                    + Runtime.getRuntime().availableProcessors() + " CPUs, " + Machine.memory());
            out.println("load average before: " + loadBefore + " · after: " + Machine.loadAverage());
            out.println("sessions: " + options.sessions() + " (opened in " + Machine.seconds(opening) + ", "
                    + sessions.stream().filter(s -> s.frames() > 0).count() + " received pushes) · events: "
                    + options.events() + " every " + options.interval().toMillis() + " ms · warm-up "
                    + options.warmup() + " events");
            out.println(quiet.line());
            out.println(open.line());
        }

        /** Sends one event per interval and, with sessions, measures when each shows it. */
        Window events(List<Session> sessions, String name) throws Exception {
            var stamps = new HashMap<Integer, Instant>();
            var cpuBefore = Cpu.of(plant.pid(), dataDir);
            long wallBefore = System.nanoTime();
            for (int i = 0; i < options.events(); i++) {
                long next = System.nanoTime() + options.interval().toNanos();
                stamps.put(sent + 1, send());
                producer.flush();
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            // The last updates have a moment to arrive.
            TimeUnit.SECONDS.sleep(sessions.isEmpty() ? 0 : 3);
            var cpuAfter = Cpu.of(plant.pid(), dataDir);
            double wall = (System.nanoTime() - wallBefore) / 1e9;
            var latencies = new ArrayList<Long>();
            int missed = 0;
            for (var session : sessions) {
                for (var stamp : stamps.entrySet()) {
                    var shown = session.shown(stamp.getKey());
                    if (shown == null) {
                        missed++;
                    } else {
                        latencies.add(Duration.between(stamp.getValue(), shown).toMillis());
                    }
                }
            }
            return new Window(
                    name,
                    latencies,
                    missed,
                    (cpuAfter.plant() - cpuBefore.plant()) / wall,
                    (cpuAfter.postgres() - cpuBefore.postgres()) / wall);
        }

        private Instant send() {
            var serial = Serial.issue("LTRC", firstSerial + sent, 9);
            var at = Instant.now();
            var event = new EventEnvelope<UnitEvent>(
                    EventIds.next(), 1, at, "CA1", "L1", "PCK-1", serial, "operator", new UnitCompleted("WO-000001"));
            producer.send(new ProducerRecord<>(Topics.UNIT_EVENTS, serial.value(), UnitEvent.CODEC.encode(event)));
            sent++;
            return at;
        }

        private void awaitCompletedToday(int count) throws Exception {
            var http = HttpClient.newHttpClient();
            var auth = "Basic "
                    + java.util.Base64.getEncoder().encodeToString("manager:manager".getBytes(StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline) {
                var answer = http.send(
                        HttpRequest.newBuilder(base.resolve("/api/metrics/lines/L1"))
                                .header("Authorization", auth)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"completedToday\":" + count + ",")) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
            throw new IllegalStateException("Metrics did not apply the warm-up's " + count + " events in 5 minutes");
        }
    }

    /** What one window measured. */
    record Window(String name, List<Long> latencies, int missed, double plantCpu, double postgresCpu) {

        String line() {
            var sorted = latencies.stream().sorted().mapToLong(Long::longValue).toArray();
            var cpu = String.format(
                    "plant CPU %.0f %% of a core (JVM %.0f %%, PostgreSQL %.0f %%)",
                    100 * (plantCpu + postgresCpu), 100 * plantCpu, 100 * postgresCpu);
            if (sorted.length == 0) {
                return String.format("%-22s %s%s", name, missed > 0 ? missed + " updates missed · " : "", cpu);
            }
            return String.format(
                    "%-22s event → dashboard p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (%d updates, %d missed) · %s",
                    name,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.95),
                    percentile(sorted, 0.99),
                    sorted[sorted.length - 1],
                    sorted.length,
                    missed,
                    cpu);
        }

        private static long percentile(long[] sorted, double p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }

    /**
     * CPU seconds used so far by the plant's JVM and by its PostgreSQL processes, from /proc. The postmaster leaves the
     * JVM's process tree ({@code pg_ctl} daemonizes it): it is found by its data directory, its backends under it.
     */
    record Cpu(double plant, double postgres) {

        private static final double TICKS = 100;

        static Cpu of(long pid, Path dataDir) {
            var postgresDir = dataDir.resolve("postgres").toString();
            double postgres = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(postgresDir))
                    .mapToDouble(p -> seconds(p.pid())
                            + p.descendants().mapToDouble(d -> seconds(d.pid())).sum())
                    .sum();
            return new Cpu(seconds(pid), postgres);
        }

        /** utime + stime of a process (the 14th and 15th fields of /proc/pid/stat, after the command's parenthesis). */
        private static double seconds(long pid) {
            try {
                var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    /**
     * A dashboard as a browser tab holds it: signed in with the login form, the view opened by Vaadin's init request,
     * its push WebSocket open. It notes when each count of units completed today first reached it.
     */
    static final class Session implements WebSocket.Listener {

        /** Where to write every push frame received, to see what the dashboards were sent (a debugging aid). */
        private static final Path FRAMES = System.getenv("DASHBOARD_BENCHMARK_FRAMES") == null
                ? null
                : Path.of(System.getenv("DASHBOARD_BENCHMARK_FRAMES"));

        private final Map<Integer, Instant> shown = new ConcurrentHashMap<>();
        private final StringBuilder message = new StringBuilder();
        private volatile int frames;
        private volatile WebSocket socket;

        static Session open(URI base, String user, String password) throws Exception {
            var cookies = new CookieManager();
            var http = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            var login = http.send(
                    HttpRequest.newBuilder(base.resolve("/login")).build(), HttpResponse.BodyHandlers.ofString());
            var csrf = CSRF.matcher(login.body());
            var form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + (csrf.find() ? "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) : "");
            var signedIn = http.send(
                    HttpRequest.newBuilder(base.resolve("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var location = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("Sign-in refused: " + signedIn.statusCode() + " " + location);
            }
            http.send(HttpRequest.newBuilder(base.resolve("/dashboard")).build(), HttpResponse.BodyHandlers.ofString());
            var init = http.send(
                    HttpRequest.newBuilder(base.resolve("/?v-r=init&location=dashboard&query="))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var uiId = UI_ID.matcher(init.body());
            var pushId = PUSH_ID.matcher(init.body());
            if (init.statusCode() != 200 || !uiId.find() || !pushId.find()) {
                throw new IllegalStateException("The dashboard did not open: " + init.statusCode() + " "
                        + init.body().substring(0, Math.min(300, init.body().length())));
            }
            // As Flow's client does once the page is up: the UI navigates to the route, which attaches the view.
            var key = SECURITY_KEY.matcher(init.body());
            if (!key.find()) {
                throw new IllegalStateException("The dashboard's UI gave no security key");
            }
            var navigate = http.send(
                    HttpRequest.newBuilder(base.resolve("/?v-r=uidl&v-uiId=" + uiId.group(1)))
                            .header("Content-Type", "application/json; charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"csrfToken\":\"" + key.group(1)
                                    + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\","
                                    + "\"data\":{\"route\":\"dashboard\",\"query\":\"\",\"appShellTitle\":\"\","
                                    + "\"historyState\":null,\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (navigate.statusCode() != 200 || !navigate.body().contains("this-hour")) {
                throw new IllegalStateException("The dashboard did not open: " + navigate.statusCode() + " "
                        + navigate.body()
                                .substring(0, Math.min(300, navigate.body().length())));
            }
            var session = new Session();
            if (Session.FRAMES != null) {
                Files.writeString(
                        Session.FRAMES,
                        "INIT " + init.body() + "\n",
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
            var cookie = String.join(
                    "; ",
                    cookies.getCookieStore().get(base).stream()
                            .map(c -> c.getName() + "=" + c.getValue())
                            .toList());
            var push = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/VAADIN/push?v-r=push&v-uiId="
                    + uiId.group(1) + "&v-pushId=" + pushId.group(1)
                    + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=3.1.5-javascript"
                    + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                    + "&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true");
            session.socket = http.newWebSocketBuilder()
                    .header("Cookie", cookie)
                    .buildAsync(push, session)
                    .get(10, TimeUnit.SECONDS);
            return session;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                var at = Instant.now();
                var text = message.toString();
                message.setLength(0);
                frames++;
                if (FRAMES != null) {
                    try {
                        Files.writeString(
                                FRAMES,
                                at + " " + text + "\n",
                                java.nio.file.StandardOpenOption.CREATE,
                                java.nio.file.StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        // A debugging aid only.
                    }
                }
                var counts = COUNT.matcher(text);
                while (counts.find()) {
                    shown.putIfAbsent(Integer.parseInt(counts.group(1)), at);
                }
            }
            webSocket.request(1);
            return null;
        }

        int frames() {
            return frames;
        }

        Instant shown(int count) {
            return shown.get(count);
        }

        void close() {
            var open = socket;
            if (open != null) {
                open.abort();
            }
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
