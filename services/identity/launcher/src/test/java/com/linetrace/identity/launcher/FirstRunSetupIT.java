package com.linetrace.identity.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.ApiClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Outside the demo there is no default password: the first admin is created with a one-time code that the plant
 * writes to its data directory, readable by its owner only, and names (never shows) in its log.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstRunSetupIT {

    private static String firstAdmin(String code, String username, String password) {
        return "{\"setupCode\":\"" + code + "\",\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    @Test
    void createsTheFirstAdminOnceWithTheCodeFromTheDataDirectory(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        var plant = FreshPlant.in(dir);
        try (var identity = plant.start("--linetrace.identity.demo-users=false")) {
            var api = ApiClient.at(
                    ((WebServerApplicationContext) identity).getWebServer().getPort());
            var file = dir.resolve("identity-setup-code");
            var code = Files.readString(file, StandardCharsets.US_ASCII).strip();

            assertThat(code).hasSize(24);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(output.getAll()).contains(file.toString()).doesNotContain(code);
            assertThat(api.get("/api/setup").json().path("open").asBoolean()).isTrue();
            assertThat(api.post("/api/tokens", "{\"username\":\"admin\",\"password\":\"admin\"}")
                            .status())
                    .as("no default admin")
                    .isEqualTo(401);

            var wrongCode =
                    api.post("/api/setup/admin", firstAdmin("NOT-THE-CODE", "pat.plant", "river-stone-bridge-9"));
            var weak = api.post("/api/setup/admin", firstAdmin(code, "pat.plant", "admin"));
            assertThat(wrongCode.status()).as(wrongCode.body()).isEqualTo(403);
            assertThat(wrongCode.json().path("type").asString()).isEqualTo("urn:linetrace:problem:invalid-setup-code");
            assertThat(weak.status()).isEqualTo(400);
            assertThat(weak.json().path("type").asString()).isEqualTo("urn:linetrace:problem:weak-password");

            var created = api.post("/api/setup/admin", firstAdmin(code, "pat.plant", "river-stone-bridge-9"));

            assertThat(created.status()).as(created.body()).isEqualTo(200);
            assertThat(created.json().path("roles").toString()).isEqualTo("[\"ADMIN\"]");
            assertThat(Files.exists(file)).isFalse();
            var again = api.post("/api/setup/admin", firstAdmin(code, "eve.again", "river-stone-bridge-9"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().path("type").asString()).isEqualTo("urn:linetrace:problem:setup-closed");
            assertThat(api.get("/api/setup").json().path("open").asBoolean()).isFalse();
            assertThat(api.as("pat.plant", "river-stone-bridge-9")
                            .get("/api/users")
                            .status())
                    .isEqualTo(200);
        }
        try (var restarted = plant.start("--linetrace.identity.demo-users=false")) {
            assertThat(Files.exists(dir.resolve("identity-setup-code")))
                    .as("an admin exists: no new code")
                    .isFalse();
        }
    }
}
