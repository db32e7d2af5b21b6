package com.linetrace.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plant's embedded servers let in only a client with the passwords the plant keeps, owner-only, in its data
 * directory: another user or process of the machine that connects without them is refused.
 */
@Timeout(180)
class ServerCredentialsIT {

    @TempDir
    Path dataDir;

    @Test
    void postgresRefusesAConnectionWithoutThePlantsPassword() throws Exception {
        try (var lock = DataDirectoryLock.acquire(dataDir);
                var postgres = EmbeddedPostgresServer.durable(dataDir.resolve("postgres"))) {
            assertRefused(postgres.jdbcUrl(), "");
            assertRefused(postgres.jdbcUrl(), "postgres");
            assertRefused(postgres.jdbcUrl(), postgres.password() + "x");

            try (var db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
                assertThat(db.isValid(2)).isTrue();
                assertThat(hbaMethods(db))
                        .as("every rule of pg_hba.conf, the Unix socket's too, asks for a password")
                        .isNotEmpty()
                        .containsOnly("scram-sha-256");
            }
        }
    }

    @Test
    void keepsThePasswordsOwnerOnlyAndTheSameAcrossARestart() throws Exception {
        String postgresPassword;
        Map<String, String> kafkaClient;
        try (var lock = DataDirectoryLock.acquire(dataDir);
                var postgres = EmbeddedPostgresServer.durable(dataDir.resolve("postgres"));
                var kafka = EmbeddedKafkaServer.durable(dataDir.resolve("kafka"))) {
            postgresPassword = postgres.password();
            kafkaClient = kafka.clientProperties();
        }
        var credentials = dataDir.resolve("credentials");
        assertThat(permissions(dataDir)).isEqualTo("rwx------");
        assertThat(permissions(credentials)).isEqualTo("rwx------");
        assertThat(permissions(credentials.resolve("postgres.password"))).isEqualTo("rw-------");
        assertThat(permissions(credentials.resolve("kafka.password"))).isEqualTo("rw-------");
        assertThat(Files.readString(credentials.resolve("postgres.password")).strip())
                .isEqualTo(postgresPassword)
                .hasSizeGreaterThanOrEqualTo(40);

        try (var lock = DataDirectoryLock.acquire(dataDir);
                var postgres = EmbeddedPostgresServer.durable(dataDir.resolve("postgres"));
                var kafka = EmbeddedKafkaServer.durable(dataDir.resolve("kafka"))) {
            assertThat(postgres.password()).isEqualTo(postgresPassword);
            assertThat(kafka.clientProperties()).isEqualTo(kafkaClient);
            try (var db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgresPassword)) {
                assertThat(db.isValid(2)).isTrue();
            }
            try (var admin = Admin.create(client(kafka.bootstrapServers(), kafkaClient))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                        .hasSize(1);
            }
        }
    }

    @Test
    void kafkaRefusesAClientWithoutThePlantsPasswordOnBothListeners() throws Exception {
        try (var lock = DataDirectoryLock.acquire(dataDir);
                var kafka = EmbeddedKafkaServer.durable(dataDir.resolve("kafka"))) {
            try (var admin = Admin.create(client(kafka.bootstrapServers(), kafka.clientProperties()))) {
                admin.createTopics(java.util.List.of(new NewTopic("kept", 1, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }

            try (var open = Admin.create(client(kafka.bootstrapServers(), Map.of()))) {
                assertThatThrownBy(() -> open.listTopics().names().get(10, TimeUnit.SECONDS))
                        .as("a client without SASL gets nothing from the client listener")
                        .isInstanceOf(ExecutionException.class);
            }
            var wrong = new HashMap<>(kafka.clientProperties());
            wrong.put("sasl.jaas.config", wrong.get("sasl.jaas.config").replace("password=\"", "password=\"x"));
            try (var guess = Admin.create(client(kafka.bootstrapServers(), wrong))) {
                assertThatThrownBy(() -> guess.listTopics().names().get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
            }

            var controller = "127.0.0.1:"
                    + Files.readString(dataDir.resolve("kafka").resolve("controller.port"))
                            .strip();
            try (var open = Admin.create(controller(controller, Map.of()))) {
                assertThatThrownBy(() -> open.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                        .as("a client without SASL gets nothing from the controller listener either")
                        .isInstanceOf(ExecutionException.class);
            }
            try (var guess = Admin.create(controller(controller, wrong))) {
                assertThatThrownBy(() -> guess.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        }
    }

    @Test
    void aDataDirectoryMadeWithoutPasswordsGetsThemAtItsNextStart() throws Exception {
        var postgresDir = dataDir.resolve("postgres");
        // The way the plant made its database before it kept a password: zonky's initdb, trusting every connection.
        try (var old = EmbeddedPostgres.builder()
                .setDataDirectory(postgresDir)
                .setCleanDataDirectory(false)
                .start()) {
            try (var db = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
                db.createStatement().execute("create table kept (value text)");
                db.createStatement().execute("insert into kept values ('before the upgrade')");
            }
        }
        assertThat(Files.exists(dataDir.resolve("credentials"))).isFalse();

        try (var lock = DataDirectoryLock.acquire(dataDir);
                var postgres = EmbeddedPostgresServer.durable(postgresDir)) {
            assertRefused(postgres.jdbcUrl(), "");
            try (var db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                    var rows = db.createStatement().executeQuery("select value from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("before the upgrade");
                assertThat(hbaMethods(db)).containsOnly("scram-sha-256");
            }
        }
        assertThat(permissions(dataDir.resolve("credentials").resolve("postgres.password")))
                .isEqualTo("rw-------");

        try (var lock = DataDirectoryLock.acquire(dataDir);
                var postgres = EmbeddedPostgresServer.durable(postgresDir)) {
            assertRefused(postgres.jdbcUrl(), "");
            try (var db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
                assertThat(db.isValid(2))
                        .as("the upgraded directory starts again")
                        .isTrue();
            }
        }
    }

    @Test
    void aKafkaDirectoryMadeWithOpenListenersAsksForThePasswordAtItsNextStart() throws Exception {
        var kafkaDir = dataDir.resolve("kafka");
        Files.createDirectories(kafkaDir);
        var ports = KeptPort.in(kafkaDir.resolve("broker.port"), kafkaDir.resolve("controller.port"));
        // The way the plant ran its broker before it kept a password: PLAINTEXT on both listeners.
        try (var old = EmbeddedKafkaServer.node(new EmbeddedKafkaServer.Node(
                        kafkaDir, 1, null, "1@127.0.0.1:" + ports[1], ports[0], ports[1], 1, true, null, null));
                var admin = Admin.create(client(old.bootstrapServers(), Map.of()))) {
            admin.createTopics(java.util.List.of(new NewTopic("kept", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }

        try (var lock = DataDirectoryLock.acquire(dataDir);
                var kafka = EmbeddedKafkaServer.durable(kafkaDir)) {
            try (var admin = Admin.create(client(kafka.bootstrapServers(), kafka.clientProperties()))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kept");
            }
            try (var open = Admin.create(client(kafka.bootstrapServers(), Map.of()))) {
                assertThatThrownBy(() -> open.listTopics().names().get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class);
            }
        }
        assertThat(permissions(dataDir.resolve("credentials").resolve("kafka.password")))
                .isEqualTo("rw-------");
    }

    private static void assertRefused(String url, String password) {
        assertThatThrownBy(() ->
                        DriverManager.getConnection(url, "postgres", password).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
    }

    private static java.util.List<String> hbaMethods(java.sql.Connection db) throws SQLException {
        var methods = new java.util.ArrayList<String>();
        try (var rows = db.createStatement().executeQuery("select auth_method from pg_hba_file_rules")) {
            while (rows.next()) {
                methods.add(rows.getString(1));
            }
        }
        return methods;
    }

    private static Map<String, Object> client(String bootstrap, Map<String, String> signIn) {
        var config = new HashMap<String, Object>(signIn);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8_000);
        return config;
    }

    private static Map<String, Object> controller(String controller, Map<String, String> signIn) {
        var config = new HashMap<String, Object>(signIn);
        config.put(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, controller);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8_000);
        return config;
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
