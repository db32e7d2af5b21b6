package com.linetrace.identity.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.SignInFailed;
import com.linetrace.contracts.action.SignedIn;
import com.linetrace.contracts.action.UserChanged;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator signs in at a station terminal with their badge and PIN (POST /api/tokens/badge): the token carries only
 * the roles that may sign in by badge; a wrong PIN, a badge nobody holds, a disabled holder and an admin all get the
 * one refusal, each audited with its reason, and the badge locks after three failures before any PIN hash is checked.
 * A new PIN, set by an admin or by the person, works at once and the old one stops.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "linetrace.identity.demo-users=true",
            "linetrace.identity.sign-in.max-failures-per-badge=3",
            "linetrace.identity.sign-in.max-failures-per-address=50",
            "linetrace.messaging.relay-poll-interval=100ms"
        })
class BadgeSignInIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The plant's encoder, counting how often a password or PIN hash is checked. */
    @TestConfiguration
    static class CountingEncoder {

        static final AtomicInteger checks = new AtomicInteger();

        @Bean
        @Primary
        PasswordEncoder countingPasswordEncoder() {
            var real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
            return new PasswordEncoder() {
                @Override
                public String encode(CharSequence raw) {
                    return real.encode(raw);
                }

                @Override
                public boolean matches(CharSequence raw, String encoded) {
                    checks.incrementAndGet();
                    return real.matches(raw, encoded);
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetFailures() {
        // One database for every test class of this JVM: a locked loopback address would lock them all out.
        jdbc.sql("delete from identity.sign_in_failure").update();
    }

    private ApiClient admin() {
        return ApiClient.at(port).as("admin");
    }

    /** A person with these roles and a badge, as an admin makes them. */
    private void holder(String username, String badge, String pin, String... roles) {
        var list = String.join("\",\"", roles);
        var created = admin().post(
                        "/api/users",
                        "{\"username\":\"" + username + "\",\"password\":\"tall-green-ladder-42\",\"roles\":[\"" + list
                                + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        var badged = giveBadge(username, badge, pin);
        assertThat(badged.status()).as(badged.body()).isEqualTo(200);
    }

    private ApiClient.Response giveBadge(String username, String badge, String pin) {
        return admin().put(
                        "/api/users/" + username + "/badge", "{\"badge\":\"" + badge + "\",\"pin\":\"" + pin + "\"}");
    }

    private ApiClient.Response scan(String badge, String pin) {
        return ApiClient.at(port).post("/api/tokens/badge", "{\"badge\":\"" + badge + "\",\"pin\":\"" + pin + "\"}");
    }

    private static JsonNode claims(ApiClient.Response issued) {
        var token = issued.json().path("accessToken").asString();
        var payload = token.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static void refusedAsWrongBadgeOrPin(ApiClient.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.json().path("type").asString()).isEqualTo("urn:linetrace:problem:invalid-credentials");
        assertThat(answer.json().path("detail").asString()).isEqualTo("Wrong badge or PIN");
    }

    private List<SignInFailed.Reason> failures(String actor, int count) {
        return AuditActions.of(actor, count).stream()
                .map(AuditActionEvent::body)
                .filter(SignInFailed.class::isInstance)
                .map(body -> ((SignInFailed) body).reason())
                .toList();
    }

    @Test
    void theBadgesHolderWithTheirPinGetsATokenWithTheirBadgeRolesOnlyAndItIsAudited() {
        holder("pia.novak", "b-7001", "482916", Roles.OPERATOR, Roles.QUALITY);

        // A scanner with caps lock on types the same badge in the other case.
        var issued = scan("b-7001", "482916");

        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        var claims = claims(issued);
        assertThat(claims.path("sub").asString()).isEqualTo("pia.novak");
        assertThat(claims.path("roles").toString()).isEqualTo("[\"OPERATOR\"]");
        assertThat(claims.path("amr").toString()).isEqualTo("[\"badge\",\"pin\"]");
        var bearer = ApiClient.at(port).bearer(issued.json().path("accessToken").asString());
        assertThat(bearer.get("/v3/api-docs").status()).isEqualTo(200);
        var renewed = bearer.post("/api/tokens/renewal", "");
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        assertThat(claims(renewed).path("roles").toString()).isEqualTo("[\"OPERATOR\"]");
        assertThat(claims(renewed).path("amr").toString()).isEqualTo("[\"badge\",\"pin\"]");

        var signedIn = AuditActions.of("pia.novak", 1).stream()
                .filter(action -> action.body() instanceof SignedIn)
                .toList();
        assertThat(signedIn).hasSize(1);
        assertThat(signedIn.getFirst().body())
                .isEqualTo(new SignedIn("pia.novak", List.of(Roles.OPERATOR), SignedIn.BADGE));
        assertThat(signedIn.getFirst().origin()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(admin().get("/api/users").body())
                .contains("\"badge\":\"B-7001\"")
                .doesNotContain("482916");
    }

    @Test
    void aWrongPinIsRefusedAndAuditedAndTheBadgeLocksAfterThreeWithoutAnotherHashCheck() {
        holder("rui.costa", "B-7002", "570391", Roles.OPERATOR);

        for (var pin : List.of("570392", "570393", "570394")) {
            refusedAsWrongBadgeOrPin(scan("B-7002", pin));
        }
        var checksBefore = CountingEncoder.checks.get();
        var locked = scan("B-7002", "570391");

        assertThat(locked.status()).as(locked.body()).isEqualTo(429);
        assertThat(locked.json().path("type").asString()).isEqualTo("urn:linetrace:problem:too-many-sign-ins");
        assertThat(CountingEncoder.checks.get()).isEqualTo(checksBefore);
        // The person's password sign-in is not locked by their badge's failures.
        assertThat(ApiClient.at(port)
                        .post("/api/tokens", "{\"username\":\"rui.costa\",\"password\":\"tall-green-ladder-42\"}")
                        .status())
                .isEqualTo(200);
        assertThat(failures("rui.costa", 5))
                .containsExactly(
                        SignInFailed.Reason.WRONG_PIN,
                        SignInFailed.Reason.WRONG_PIN,
                        SignInFailed.Reason.WRONG_PIN,
                        SignInFailed.Reason.LOCKED_OUT);
        assertThat(AuditActions.json()).noneMatch(json -> json.contains("57039"));

        // An admin's new PIN lifts the badge's lock.
        assertThat(giveBadge("rui.costa", "B-7002", "864209").status()).isEqualTo(200);
        assertThat(scan("B-7002", "864209").status()).isEqualTo(200);
    }

    @Test
    void aBadgeNobodyHoldsIsRefusedExactlyAsAWrongPinAtTheSameCost() {
        holder("ana.silva", "B-7003", "605183", Roles.OPERATOR);

        var before = CountingEncoder.checks.get();
        var wrongPin = scan("B-7003", "605184");
        var afterWrongPin = CountingEncoder.checks.get();
        var nobodys = scan("B-9999", "605184");
        var afterNobodys = CountingEncoder.checks.get();

        refusedAsWrongBadgeOrPin(wrongPin);
        refusedAsWrongBadgeOrPin(nobodys);
        assertThat(nobodys.body()).isEqualTo(wrongPin.body());
        assertThat(afterWrongPin - before).isEqualTo(1);
        assertThat(afterNobodys - afterWrongPin).isEqualTo(1);
        assertThat(failures("badge:B-9999", 1)).containsExactly(SignInFailed.Reason.UNKNOWN_BADGE);
        // A badge nobody holds locks as a held one does: the lock tells nothing either.
        refusedAsWrongBadgeOrPin(scan("B-9999", "1"));
        refusedAsWrongBadgeOrPin(scan("B-9999", "2"));
        assertThat(scan("B-9999", "3").status()).isEqualTo(429);
    }

    @Test
    void aDisabledHolderAndAnAdminAreRefusedAsAWrongPinAndAnAdminIsGivenNoBadge() {
        holder("li.wei", "B-7004", "731950", Roles.OPERATOR);
        holder("omar.haddad", "B-7005", "318274", Roles.SUPERVISOR);
        assertThat(admin().put("/api/users/li.wei/enabled", "{\"enabled\":false}")
                        .status())
                .isEqualTo(200);
        assertThat(admin().put("/api/users/omar.haddad/roles", "{\"roles\":[\"SUPERVISOR\",\"ADMIN\"]}")
                        .status())
                .isEqualTo(200);

        refusedAsWrongBadgeOrPin(scan("B-7004", "731950"));
        refusedAsWrongBadgeOrPin(scan("B-7005", "318274"));
        var adminsBadge = giveBadge("admin", "B-7006", "502718");
        var engineersBadge = admin().post(
                        "/api/users",
                        "{\"username\":\"eng.only\",\"password\":\"tall-green-ladder-42\",\"roles\":[\"ENGINEER\"]}");
        assertThat(engineersBadge.status()).isEqualTo(200);
        var notABadgeRole = giveBadge("eng.only", "B-7007", "502718");

        for (var refused : List.of(adminsBadge, notABadgeRole)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("type").asString()).isEqualTo("urn:linetrace:problem:invalid-badge");
        }
        assertThat(failures("li.wei", 1)).containsExactly(SignInFailed.Reason.DISABLED);
        assertThat(failures("omar.haddad", 1)).containsExactly(SignInFailed.Reason.BADGE_NOT_ALLOWED);
        assertThat(jdbc.sql("select count(*) from identity.badge where username in ('admin', 'eng.only')")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesWeakPinsBadBadgeIdsAndABadgeAnotherHoldsAndChangesNothing() {
        holder("ivy.chen", "B-7008", "274019", Roles.OPERATOR);
        holder("tom.berg", "B-7009", "395027", Roles.OPERATOR);

        for (var pin : List.of("111111", "123456", "876543", "12ab56", "4821", "1234567890123", "246810")) {
            var weak = giveBadge("tom.berg", "B-7009", pin);
            assertThat(weak.status()).as(pin + ": " + weak.body()).isEqualTo(400);
            assertThat(weak.json().path("type").asString()).isEqualTo("urn:linetrace:problem:weak-pin");
        }
        var badId = giveBadge("tom.berg", "B 7009!", "395028");
        var taken = giveBadge("tom.berg", "b-7008", "395028");

        assertThat(badId.json().path("type").asString()).isEqualTo("urn:linetrace:problem:invalid-badge");
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.json().path("type").asString()).isEqualTo("urn:linetrace:problem:badge-taken");
        assertThat(scan("B-7009", "395027").status()).isEqualTo(200);
        assertThat(scan("B-7008", "274019").status()).isEqualTo(200);
    }

    @Test
    void aNewPinTakesEffectAtOnceAndEndsTheOldBadgeSessionWhenAnAdminSetsIt() {
        holder("kim.park", "B-7010", "620473", Roles.OPERATOR);
        var before = scan("B-7010", "620473");
        var oldSession =
                ApiClient.at(port).bearer(before.json().path("accessToken").asString());

        assertThat(giveBadge("kim.park", "B-7010", "913562").status()).isEqualTo(200);

        refusedAsWrongBadgeOrPin(scan("B-7010", "620473"));
        assertThat(scan("B-7010", "913562").status()).isEqualTo(200);
        assertThat(oldSession.get("/v3/api-docs").status()).isEqualTo(401);

        var removed = admin().delete("/api/users/kim.park/badge");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        refusedAsWrongBadgeOrPin(scan("B-7010", "913562"));
    }

    @Test
    void aPersonChangesTheirOwnPinWithTheCurrentOneAndTheOldOneStopsAtOnce() {
        holder("eva.roth", "B-7011", "704815", Roles.OPERATOR);
        var session = ApiClient.at(port)
                .bearer(scan("B-7011", "704815").json().path("accessToken").asString());

        var wrongCurrent = session.put("/api/users/own-pin", "{\"currentPin\":\"704816\",\"newPin\":\"529307\"}");
        var weak = session.put("/api/users/own-pin", "{\"currentPin\":\"704815\",\"newPin\":\"000000\"}");
        var changed = session.put("/api/users/own-pin", "{\"currentPin\":\"704815\",\"newPin\":\"529307\"}");

        assertThat(wrongCurrent.status()).as(wrongCurrent.body()).isEqualTo(403);
        assertThat(wrongCurrent.json().path("type").asString()).isEqualTo("urn:linetrace:problem:pin-refused");
        assertThat(weak.json().path("type").asString()).isEqualTo("urn:linetrace:problem:weak-pin");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        refusedAsWrongBadgeOrPin(scan("B-7011", "704815"));
        assertThat(scan("B-7011", "529307").status()).isEqualTo(200);
        // Their own session goes on: they changed it themselves, signed in.
        assertThat(session.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(AuditActions.of("eva.roth", 1).stream().map(AuditActionEvent::body))
                .anySatisfy(body -> assertThat(body)
                        .isInstanceOfSatisfying(
                                UserChanged.class,
                                change -> assertThat(change.change()).isEqualTo("pin-changed")));
        assertThat(AuditActions.json()).noneMatch(json -> json.contains("529307") || json.contains("704815"));
    }

    @Test
    void theDemoOperatorSignsInWithTheBadgeAndPinTheReadmeGives() {
        var issued = scan("B-1001", "246810");

        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(claims(issued).path("sub").asString()).isEqualTo("operator");
        assertThat(claims(issued).path("roles").toString()).isEqualTo("[\"OPERATOR\"]");
    }
}
