package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.embedded.EmbeddedKafkaServer;
import com.linetrace.embedded.EmbeddedPostgresServer;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.sql.DataSource;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Against real servers the plant speaks TLS by configuration alone, as the README's "Against real servers" shows:
 * to PostgreSQL with {@code sslmode=verify-full} and the plant CA's certificate, to Kafka with SASL over TLS, and to
 * browsers over HTTPS ({@code server.ssl} from a PEM bundle) with HSTS. Everything runs on loopback, with a CA and a
 * server certificate (for {@code localhost} and {@code 127.0.0.1}) made here.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RealServersOverTlsIT {

    private static final String KAFKA_PASSWORD = "a-kafka-password-set-by-the-plants-it";

    @TempDir
    static Path certificates;

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaServer kafka;
    private static ConfigurableApplicationContext plant;
    private static Path caFile;

    @BeforeAll
    static void startServersAndPlantOverTls() throws Exception {
        var ca = keyPair();
        var caCertificate = certificate("CN=LineTrace test plant CA", ca, "CN=LineTrace test plant CA", ca, true);
        var server = keyPair();
        var serverCertificate = certificate("CN=localhost", server, "CN=LineTrace test plant CA", ca, false);
        caFile = write("ca.pem", pem("CERTIFICATE", caCertificate.getEncoded()));
        var certificateFile = write("server.pem", pem("CERTIFICATE", serverCertificate.getEncoded()));
        var keyFile = write("server.key", pem("PRIVATE KEY", server.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));

        postgres = EmbeddedPostgresServer.throwaway(java.util.Map.of(
                "ssl", "on",
                "ssl_cert_file", certificateFile.toString(),
                "ssl_key_file", keyFile.toString()));
        kafka = EmbeddedKafkaServer.throwawayOverTls(
                KAFKA_PASSWORD,
                new EmbeddedKafkaServer.Tls(
                        Files.readString(certificateFile), Files.readString(keyFile), Files.readString(caFile)));

        // Only the Spring properties a plant's IT would set: no code knows these servers speak TLS.
        plant = new SpringApplicationBuilder(Plant.class)
                .run(
                        "--spring.profiles.active=demo",
                        "--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.port()
                                + "/postgres?sslmode=verify-full&sslrootcert=" + caFile,
                        "--spring.datasource.username=" + postgres.username(),
                        "--spring.datasource.password=" + postgres.password(),
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--spring.kafka.security.protocol=SASL_SSL",
                        "--spring.kafka.ssl.trust-store-type=PEM",
                        "--spring.kafka.ssl.trust-store-location=file:" + caFile,
                        "--spring.kafka.properties.sasl.mechanism=PLAIN",
                        "--spring.kafka.properties.sasl.jaas.config="
                                + "org.apache.kafka.common.security.plain.PlainLoginModule required"
                                + " username=\"linetrace\" password=\"" + KAFKA_PASSWORD + "\";",
                        "--server.port=0",
                        "--server.ssl.bundle=plant",
                        "--spring.ssl.bundle.pem.plant.keystore.certificate=file:" + certificateFile,
                        "--spring.ssl.bundle.pem.plant.keystore.private-key=file:" + keyFile,
                        "--linetrace.simulator.enabled=false",
                        "--linetrace.plant.open-browser=false");
    }

    @AfterAll
    static void stop() {
        if (plant != null) {
            plant.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void talksToPostgresOverVerifiedTls() {
        var jdbc = JdbcClient.create(plant.getBean(DataSource.class));
        assertThat(jdbc.sql("select ssl from pg_stat_ssl where pid = pg_backend_pid()")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("select count(*) from tracking.work_order")
                        .query(Long.class)
                        .single())
                .as("the demo plant migrated and loaded its database through that connection")
                .isPositive();
    }

    @Test
    void publishesAndConsumesThroughKafkaOverSaslAndTls() throws Exception {
        // The demo work order's serials, issued through tracking's outbox and read back by trace from the broker,
        // whose only client listener is SASL_SSL.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    var events = https("/api/unit-events?line=L1&limit=5", "operator");
                    assertThat(events.statusCode()).isEqualTo(200);
                    assertThat(events.body()).startsWith("[{");
                });
    }

    @Test
    void servesTheUiAndTheApiOverHttpsWithHsts() throws Exception {
        var login = https("/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).startsWith("max-age=31536000"));
        var api = https("/api/stations", "operator");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    private static HttpResponse<String> https(String path, String demoUser) throws Exception {
        var trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry(
                "ca",
                CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(caFile))));
        var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        var tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);
        var request = HttpRequest.newBuilder(URI.create("https://localhost:" + OwnServers.port(plant) + path))
                .header("Accept", "application/json, text/html");
        if (demoUser != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((demoUser + ":" + demoUser).getBytes(StandardCharsets.UTF_8)));
        }
        try (var http = HttpClient.newBuilder().sslContext(tls).build()) {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static KeyPair keyPair() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(
            String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys, boolean authority)
            throws Exception {
        var now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(authority ? 0 : 1)),
                java.util.Date.from(now.minus(Duration.ofMinutes(5))),
                java.util.Date.from(now.plus(Duration.ofDays(1))),
                new X500Name(subject),
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (authority) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(
                        GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())
            }));
        }
        var holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate()));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static Path write(String name, String content) throws Exception {
        return Files.writeString(certificates.resolve(name), content, StandardCharsets.US_ASCII);
    }
}
