package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.RealServers;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The plant calls nothing outside the plant: from its start on an empty database (so every schema is migrated),
 * through the line simulator's work and a browser session, no name is looked up and no connection is made except
 * to this machine, where the test's PostgreSQL and Kafka run. {@link EgressGuard} watches the whole JVM; the browser
 * reports every URL its pages request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = NoEgressIT.EmptyDatabase.class)
@TestPropertySource(
        properties = {
            "linetrace.simulator.enabled=true",
            "linetrace.simulator.speed=200",
            "linetrace.simulator.work-order-size=4",
            "vaadin.launch-browser=false"
        })
@DirtiesContext
@Timeout(300)
class NoEgressIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void watchTheJvm() {
        // Before the context starts: the plant's start and its migrations are watched too.
        EgressGuard.install();
    }

    @AfterAll
    static void stopWatching() {
        EgressGuard.uninstall();
    }

    @Test
    void startsMigratesRunsTheLineAndServesABrowserWithoutReachingOutsideThePlant() throws Exception {
        // Every service of the plant ran in this watched JVM: a service added later is watched by this test too.
        assertThat(jdbc.sql("select table_schema from information_schema.tables where table_name = 'databasechangelog'")
                        .query(String.class)
                        .list())
                .as("every service migrated its schema in this run")
                .containsExactlyInAnyOrder(
                        "identity", "tracking", "provisioning", "trace", "deadletter", "metrics", "audit");
        await().atMost(Duration.ofSeconds(120))
                .until(() -> jdbc.sql("select count(*) from tracking.scan where actor = 'operator'")
                                .query(Long.class)
                                .single()
                        >= 20);

        var requested = new ArrayList<String>();
        try (var browser = Browser.recordingRequests(port)) {
            // What anyone on the plant's network can open without signing in, and a signed-in session.
            browser.open("/webjars/swagger-ui/index.html");
            browser.open("/webjars/swagger-ui/" + swaggerUiVersion() + "/index.html");
            browser.open("/login");
            requested.addAll(browser.requestedUrls());
            browser.signIn("operator", "operator");
            browser.open("/station?station=ASM-1");
            browser.byId("scan-field");
            browser.open("/dashboard");
            browser.waitUpTo(30)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#units-chart canvas")));
            requested.addAll(browser.requestedUrls());
        }
        var admin = ApiClient.at(port).as("admin");
        var swaggerConfig = admin.get("/v3/api-docs/swagger-config");
        var initializer = admin.get("/swagger-ui/swagger-initializer.js", "*/*");

        var softly = new SoftAssertions();
        softly.assertThat(EgressGuard.outside())
                .as("lookups and connections that left this machine")
                .isEmpty();
        softly.assertThat(requested).as("URLs the browser's pages requested").isNotEmpty();
        var plant = "(https?|wss?)://localhost:" + port + "/.*";
        // chrome://, data: and blob: URLs never leave the browser.
        softly.assertThat(requested)
                .filteredOn(url -> !url.matches("(chrome|chrome-extension|devtools|about|data|blob):.*"))
                .as("URLs the browser's pages requested")
                .allSatisfy(url -> assertThat(url).matches(plant));
        softly.assertThat(swaggerConfig.status()).isEqualTo(200);
        softly.assertThat(absoluteUrls(swaggerConfig.body()))
                .as("absolute URLs in Swagger UI's configuration")
                .allSatisfy(url -> assertThat(url).matches(plant));
        softly.assertThat(initializer.status()).isEqualTo(200);
        softly.assertThat(absoluteUrls(initializer.body()))
                .as("absolute URLs in Swagger UI's start script")
                .allSatisfy(url -> assertThat(url).matches(plant));
        softly.assertAll();
    }

    /** The version of the Swagger UI webjar on the class path: its files are also served under that path. */
    private static String swaggerUiVersion() throws java.io.IOException {
        var properties = new java.util.Properties();
        try (var in = NoEgressIT.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            properties.load(in);
        }
        return properties.getProperty("version");
    }

    private static List<String> absoluteUrls(String text) {
        return Pattern.compile("(?:https?|wss?)://[^\\s\"'`]+")
                .matcher(text)
                .results()
                .map(MatchResult::group)
                .toList();
    }

    /** The JVM's real servers, with a database of its own that nothing has migrated yet. */
    static final class EmptyDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            var servers = RealServers.get();
            var name = "egress_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000;
            try (var connection =
                            DriverManager.getConnection(servers.jdbcUrl(), servers.username(), servers.password());
                    var statement = connection.createStatement()) {
                statement.execute("create database " + name);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            var properties = new HashMap<String, Object>(servers.springProperties());
            properties.put("spring.datasource.url", withDatabase(servers.jdbcUrl(), name));
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("linetrace-empty-database", properties));
        }

        private static String withDatabase(String jdbcUrl, String database) {
            int query = jdbcUrl.indexOf('?');
            var base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
            var rest = query < 0 ? "" : jdbcUrl.substring(query);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + rest;
        }
    }
}
