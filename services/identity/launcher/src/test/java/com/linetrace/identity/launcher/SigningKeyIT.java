package com.linetrace.identity.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.RealServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The signing key is the operator's secret: identity signs with it, serves only its public half, and writes it
 * nowhere, neither to the log nor to a table; without one (outside the demo) identity does not start.
 */
@ExtendWith(OutputCaptureExtension.class)
class SigningKeyIT {

    private static List<String> args(String... more) {
        var args = new ArrayList<String>();
        RealServers.get().springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--server.port=0");
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void refusesToStartWithoutASigningKeyOutsideTheDemo() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(IdentityLauncher.class)
                        .run(args("--linetrace.identity.demo-users=false").toArray(String[]::new)))
                .hasStackTraceContaining("linetrace.identity.token.signing-key is not set");
    }

    @Test
    void signsWithTheOperatorsKeyAndWritesItNeitherToTheLogNorToAnyTable(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var keys = generator.generateKeyPair();
        var body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded());
        var file = dir.resolve("signing-key.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        try (var identity = new SpringApplicationBuilder(IdentityLauncher.class)
                .run(args(
                                "--linetrace.identity.demo-users=true",
                                "--linetrace.identity.token.signing-key=" + file,
                                "--logging.level.com.linetrace=DEBUG",
                                "--logging.level.org.springframework.security=DEBUG")
                        .toArray(String[]::new))) {
            var api = ApiClient.at(
                    ((WebServerApplicationContext) identity).getWebServer().getPort());
            var signIn = api.post("/api/tokens", "{\"username\":\"admin\",\"password\":\"admin\"}");
            assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);
            var token = signIn.json().path("accessToken").asString();
            // Signed with the operator's key: its public half verifies the token.
            var decoded = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic())
                    .build()
                    .decode(token);
            assertThat(decoded.getSubject()).isEqualTo("admin");
            assertThat(api.bearer(token).post("/api/tokens/renewal", "").status())
                    .isEqualTo(200);
            var served = api.get("/api/tokens/public-key", "*/*").body();
            assertThat(served)
                    .contains(Base64.getEncoder()
                            .encodeToString(keys.getPublic().getEncoded())
                            .substring(0, 60));

            var secrets = new ArrayList<String>();
            body.lines().forEach(secrets::add);
            var exponent = ((RSAPrivateCrtKey) keys.getPrivate()).getPrivateExponent();
            secrets.add(exponent.toString(16).substring(0, 40));
            secrets.add(exponent.toString().substring(0, 40));
            secrets.add(((RSAPrivateCrtKey) keys.getPrivate())
                    .getPrimeP()
                    .toString(16)
                    .substring(0, 40));
            for (var secret : secrets) {
                assertThat(output.getAll()).doesNotContain(secret);
                assertThat(served).doesNotContain(secret);
            }
            assertThat(output.getAll()).contains("Signing tokens with the key of " + file);

            var jdbc = identity.getBean(JdbcClient.class);
            var columns = jdbc.sql("""
                            select table_schema, table_name, column_name from information_schema.columns
                            where table_schema not in ('pg_catalog', 'information_schema')
                              and data_type in ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb')""")
                    .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .list();
            assertThat(columns).isNotEmpty();
            // As base64, hex or decimal in a text column; a binary column's text form is its bytes in hex.
            var der = keys.getPrivate().getEncoded();
            var needles = new ArrayList<>(List.of(secrets.get(1), secrets.get(secrets.size() / 2)));
            needles.addAll(secrets.subList(secrets.size() - 3, secrets.size()));
            needles.add(HexFormat.of().formatHex(der, 200, 240));
            for (var column : columns) {
                var sql = "select count(*) from \"" + column.get(0) + "\".\"" + column.get(1) + "\" where \""
                        + column.get(2) + "\"::text like :needle";
                for (var needle : needles) {
                    var found = jdbc.sql(sql)
                            .param("needle", "%" + needle + "%")
                            .query(Long.class)
                            .single();
                    assertThat(found).as(column + " holds the key").isZero();
                }
            }
        }
    }
}
