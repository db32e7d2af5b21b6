package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.DeviceHistoryRecordExported;
import com.linetrace.simulator.PlantClient;
import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.TopicProbe;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.test.context.TestPropertySource;

/**
 * Quality traces units the test walked through the first station over the station API, in the real UI in headless
 * Chromium: the unit's trace view and genealogy, its device history record, then the where-used of the lot the units
 * were built with, all of them held from there — and tracking says they are held.
 */
// The same properties as PlantBrowserIT, so both share one running plant.
@IntegrationTest
@TestPropertySource(properties = {"linetrace.identity.demo-users=true", "vaadin.launch-browser=false"})
@Timeout(240)
class TraceBrowserIT extends WithBrowser {

    /** Two fresh units through op 10 at ASM-1, every lot part from one new lot; returns the serials and the lot. */
    private Walked walkTwoUnits() {
        var lot = "L-TR" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var base = URI.create("http://localhost:" + port);
        List<String> serials;
        try (var supervisor = new PlantClient(base, "supervisor", "supervisor")) {
            serials = supervisor.releaseWorkOrder("AX4-ENT", "L1", 2);
        }
        String lotPart = null;
        try (var operator = new PlantClient(base, "operator", "operator")) {
            for (var serial : serials) {
                assertThat(operator.checkIn("ASM-1", serial).accepted()).isTrue();
                for (var part : operator.work("ASM-1", serial)) {
                    for (int i = part.installed(); i < part.required(); i++) {
                        var barcode = part.serialized()
                                ? part.partNumber() + ";S=" + part.partNumber() + "-"
                                        + UUID.randomUUID()
                                                .toString()
                                                .substring(0, 6)
                                                .toUpperCase()
                                : part.partNumber() + ";L=" + lot;
                        assertThat(operator.installPart("ASM-1", serial, barcode)
                                        .accepted())
                                .isTrue();
                    }
                    if (!part.serialized()) {
                        lotPart = part.partNumber();
                    }
                }
                assertThat(operator.checkOut("ASM-1", serial, List.of()).accepted())
                        .isTrue();
            }
        }
        assertThat(lotPart).as("op 10 installs a part by lot").isNotNull();
        var walked = new Walked(serials, lotPart, lot);
        // Trace has read them once the lot's where-used names both.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var page = ApiClient.at(port)
                    .as("quality")
                    .get("/api/trace/where-used?partNumber=" + walked.partNumber() + "&lot=" + lot);
            return page.status() == 200 && page.json().get("units").size() == 2;
        });
        return walked;
    }

    private record Walked(List<String> serials, String partNumber, String lot) {}

    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(String href) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                    .then(async response => {
                        const bytes = new Uint8Array(await response.arrayBuffer());
                        done({status: response.status,
                              type: response.headers.get('Content-Type'),
                              disposition: response.headers.get('Content-Disposition'),
                              text: new TextDecoder('latin1').decode(bytes)});
                    })
                    .catch(e => done({error: String(e)}));
                """, href);
    }

    @Test
    void qualityTracesAUnitDownloadsItsRecordAndHoldsEveryUnitOfItsLot() {
        var walked = walkTwoUnits();
        var first = walked.serials().getFirst();

        browser.signIn("quality", "quality");
        browser.open("/units?serial=" + first);
        var message = browser.answer("unit-message", first + ": IN_WORK");
        assertThat(message).contains("AX4-ENT", "events");
        var genealogy = browser.byId("unit-genealogy");
        browser.waitUpTo(20).until(driver -> genealogy.getText().contains(walked.lot()));
        assertThat(genealogy.getText()).contains("Op 10", walked.partNumber());
        // Close the operation's row and open it again: the tree answers clicks.
        var toggle = browser.driver.findElement(By.cssSelector("#unit-genealogy vaadin-grid-tree-toggle[expanded]"));
        toggle.click();
        browser.waitUpTo(10).until(driver -> !genealogy.getText().contains(walked.lot()));
        browser.driver
                .findElement(By.cssSelector("#unit-genealogy vaadin-grid-tree-toggle:not([leaf])"))
                .click();
        browser.waitUpTo(10).until(driver -> genealogy.getText().contains(walked.lot()));

        // The record, as a person's download through the signed-in session: a PDF and a JSON document, each audited.
        var pdf = fetch(browser.byId("dhr-pdf").getDomProperty("href"));
        assertThat(pdf).as(String.valueOf(pdf).substring(0, 200)).containsEntry("status", 200L);
        assertThat((String) pdf.get("type")).startsWith("application/pdf");
        assertThat((String) pdf.get("disposition")).startsWith("attachment").contains("dhr-" + first + ".pdf");
        assertThat((String) pdf.get("text")).startsWith("%PDF-");
        var json = fetch(browser.byId("dhr-json").getDomProperty("href"));
        assertThat(json).containsEntry("status", 200L);
        assertThat((String) json.get("text"))
                .contains("\"schema\" : \"linetrace.device-history-record.v1\"", "\"serial\" : \"" + first + "\"")
                .contains(walked.lot());
        var audit = TopicProbe.read(Topics.AUDIT_ACTIONS, Duration.ofSeconds(30), record -> {
            var event = AuditAction.CODEC.decode(record.value());
            return event.body() instanceof DeviceHistoryRecordExported e
                    && e.serial().equals(first)
                    && e.format().equals("json");
        });
        assertThat(audit.stream().map(r -> AuditAction.CODEC.decode(r.value())))
                .anyMatch(e -> e.actor().equals("quality")
                        && e.body() instanceof DeviceHistoryRecordExported x
                        && x.serial().equals(first)
                        && x.format().equals("pdf"));

        // Where-used of the lot: both units, then all of them held.
        browser.open("/where-used");
        browser.type("where-used-part-number", walked.partNumber());
        browser.type("where-used-lot", walked.lot());
        browser.click("where-used-find");
        browser.answer("where-used-answer", "2 units contain lot " + walked.lot());
        var units = browser.byId("where-used-units");
        browser.waitUpTo(20)
                .until(driver -> units.getText().contains(first)
                        && units.getText().contains(walked.serials().get(1)));
        var csv = fetch(browser.byId("where-used-csv").getDomProperty("href"));
        assertThat(csv).containsEntry("status", 200L);
        assertThat((String) csv.get("text")).startsWith("serial,status").contains(first);
        browser.type("where-used-hold-reason", "Lot " + walked.lot() + " recalled by the supplier");
        browser.click("where-used-hold-all");
        browser.click("confirm-hold-all");
        browser.answer("where-used-answer", "Held 2 units containing lot " + walked.lot());

        var statuses = ApiClient.at(port)
                .as("quality")
                .post("/api/units/statuses", "{\"serials\":[\"" + String.join("\",\"", walked.serials()) + "\"]}");
        assertThat(statuses.status()).isEqualTo(200);
        assertThat(statuses.json().get(first).asString()).endsWith("(held)");
        assertThat(statuses.json().get(walked.serials().get(1)).asString()).endsWith("(held)");
        // And trace, which heard of the holds through tracking's events, shows them in the grid.
        browser.waitUpTo(30).until(driver -> {
            browser.click("where-used-find");
            return units.getText().contains("HELD");
        });
    }
}
