package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.embedded.EmbeddedKafkaServer;
import com.linetrace.embedded.EmbeddedPostgresServer;
import com.linetrace.testing.ApiClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new operator's walk of one unit on the station terminal, as the acceptance check asks: every station of the
 * route in order with its parts scanned, a failure at test, the repair, the retest, and the pack-out, which the plant
 * allows only once the demo flash fixture and key station have done their work on the unit (nothing but the demo
 * equipment flashes or keys it). The simulator's own units stay off, so that nothing else moves on the line.
 */
@Timeout(240)
class TerminalWalkBrowserIT {

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaServer kafka;
    private static ConfigurableApplicationContext plant;
    private static int port;

    private Browser browser;

    /**
     * A plant of its own, on servers of its own: the demo equipment and provisioning must hear this unit's events,
     * not share consumer groups with the other test classes' plants, which may still be open in this JVM.
     */
    @BeforeAll
    static void startPlant() {
        postgres = EmbeddedPostgresServer.throwaway();
        kafka = EmbeddedKafkaServer.throwaway();
        plant = OwnServers.plant(
                postgres,
                kafka,
                "--linetrace.simulator.enabled=true",
                "--linetrace.simulator.walk-units=false",
                "--linetrace.simulator.attend-manual-units=true",
                "--linetrace.identity.demo-users=true",
                "--vaadin.launch-browser=false");
        port = OwnServers.port(plant);
    }

    @AfterAll
    static void stopPlant() {
        if (plant != null) {
            plant.close();
        }
        kafka.close();
        postgres.close();
    }

    @BeforeEach
    void startBrowser() throws IOException {
        browser = Browser.start(port);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        browser.close();
    }

    @Test
    void operatorWalksAUnitThroughEveryStationFailsItAtTestRepairsItAndPacksIt() {
        var serial = newSerial();
        browser.signIn("operator", "operator");

        // A worker who skips ahead is stopped at pack-out with the step that is missing.
        checkInRefused("PCK-1", serial, "Step missing: op 10 Frame and arms");

        checkIn("ASM-1", serial, "GO — op 10 Frame and arms");
        scanEveryPart(serial);
        pass("Next: op 20 Propulsion");
        checkIn("ASM-1", serial, "GO — op 20 Propulsion");
        scanEveryPart(serial);
        pass("Next: op 30 Avionics");
        checkIn("ASM-2", serial, "GO — op 30 Avionics");
        scanEveryPart(serial);
        pass("Next: op 40 Gimbal camera");
        checkIn("ASM-2", serial, "GO — op 40 Gimbal camera");
        scanEveryPart(serial);
        pass("Next: op 50 Firmware");

        // Nobody at the terminal flashes or keys the unit: the demo equipment at the station does, on check-in.
        checkIn("FW-1", serial, "GO — op 50 Firmware");
        assertThat(text("work-instruction")).contains("on the fixture");
        // The operator waits for the fixture, as on the floor: a flash counts only while the unit is at the station.
        awaitVerified("flash_record", serial, 4);
        pass("Next: op 60 Identity");
        checkIn("KEY-1", serial, "GO — op 60 Identity");
        assertThat(text("work-instruction")).contains("certificate");
        awaitVerified("key_injection", serial, 1);
        pass("Next: op 70 Calibration");

        checkIn("TST-1", serial, "GO — op 70 Calibration");
        fail("IMU-CAL-FAIL", "Take the unit to a REPAIR station");
        checkInRefused("TST-1", serial, "must go to a REPAIR station first");
        checkIn("RPR-1", serial, "GO — op 70 Calibration");
        assertThat(text("work")).contains("rework");
        pass("Repair of op 70 Calibration: PASS");
        checkIn("TST-1", serial, "GO — op 70 Calibration");
        pass("Next: op 80 Tethered flight test");
        checkIn("TST-2", serial, "GO — op 80 Tethered flight test");
        pass("Next: op 90 Final inspection");
        checkIn("INS-1", serial, "GO — op 90 Final inspection");
        pass("Next: op 100 Pack");

        // Provisioning's verdicts reach tracking asynchronously: the worker scans again until pack-out lets it in.
        browser.waitUpTo(30)
                .withMessage(() -> "pack-out still refused: " + text("verdict"))
                .until(driver -> {
                    scanAt("PCK-1", serial);
                    return "ACCEPTED".equals(verdict().getDomAttribute("data-verdict"));
                });
        assertThat(text("verdict")).startsWith("GO — op 100 Pack");
        scanEveryPart(serial);
        pass("op 100 Pack: PASS. Unit completed");

        var history = ApiClient.at(port).as("quality").get("/api/units/" + serial + "/history");
        assertThat(history.status()).isEqualTo(200);
        var types = new ArrayList<String>();
        history.json().forEach(entry -> types.add(entry.get("type").asString()));
        assertThat(types).contains("ReworkRouted").endsWith("UnitCompleted");
    }

    /** A fresh unit of the demo model, released for this test so that its next step is at ASM-1. */
    private String newSerial() {
        var released = ApiClient.at(port)
                .as("supervisor")
                .post("/api/work-orders", "{\"model\":\"AX4-ENT\",\"line\":\"L1\",\"quantity\":1}");
        assertThat(released.status()).isEqualTo(201);
        return released.json().get("serials").get(0).asString();
    }

    /** Opens the terminal of {@code station} and scans the unit there; the verdict is on screen when it returns. */
    private void scanAt(String station, String serial) {
        browser.open("/station?station=" + station);
        browser.scan(serial);
        browser.waitUpTo(20).until(driver -> !"NONE".equals(verdict().getDomAttribute("data-verdict")));
    }

    private void checkIn(String station, String serial, String headline) {
        scanAt(station, serial);
        assertThat(verdict().getDomAttribute("data-verdict"))
                .as("check-in at %s: %s", station, text("verdict"))
                .isEqualTo("ACCEPTED");
        assertThat(text("verdict-headline")).isEqualTo(headline);
    }

    private void checkInRefused(String station, String serial, String reason) {
        scanAt(station, serial);
        assertThat(verdict().getDomAttribute("data-verdict")).isEqualTo("REJECTED");
        assertThat(text("verdict-headline")).startsWith("STOP").contains(reason);
    }

    /**
     * Scans every part the terminal lists as still to scan: a lot label for a part traced by lot, the part's own
     * serial label for a serialized one, each confirmed on screen before the next.
     */
    private void scanEveryPart(String serial) {
        for (var part : partsToScan()) {
            for (int n = part.installed() + 1; n <= part.required(); n++) {
                var label =
                        part.serialized() ? ";S=" + serial + "-" + part.number().charAt(0) + n : ";L=L2611";
                browser.scan(part.number() + label);
                var installed = Integer.toString(n);
                browser.waitUpTo(20)
                        .until(driver -> installed.equals(browser.driver
                                .findElement(By.cssSelector("#parts-to-scan .part[data-part='" + part.number() + "']"))
                                .getDomAttribute("data-installed")));
            }
        }
        if (!partsToScan().isEmpty()) {
            assertThat(text("verdict")).contains("all parts scanned");
        }
    }

    private record Part(String number, int required, int installed, boolean serialized) {}

    private List<Part> partsToScan() {
        var parts = new ArrayList<Part>();
        for (var row : browser.driver.findElements(By.cssSelector("#parts-to-scan .part"))) {
            parts.add(new Part(
                    row.getDomAttribute("data-part"),
                    Integer.parseInt(row.getDomAttribute("data-required")),
                    Integer.parseInt(row.getDomAttribute("data-installed")),
                    "serial".equals(row.getDomAttribute("data-traced-by"))));
        }
        return parts;
    }

    private void pass(String message) {
        browser.waitUpTo(10)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#pass-button:not([disabled])")))
                .click();
        checkedOut(message);
    }

    /** FAIL with one defect code picked in the terminal's defect dialog. */
    private void fail(String defect, String message) {
        browser.waitUpTo(10)
                .until(ExpectedConditions.elementToBeClickable(By.id("fail-button")))
                .click();
        var codes = browser.waitUpTo(10)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#defect-codes input")));
        codes.sendKeys(defect);
        browser.waitUpTo(10)
                .until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-multi-select-combo-box-item[normalize-space(.)='" + defect + "']")))
                .click();
        var confirm = browser.waitUpTo(10)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#confirm-fail:not([disabled])")));
        // A script's click, because the open list of codes would take a pointer's first click to close itself.
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].click()", confirm);
        checkedOut(message);
        assertThat(text("verdict-headline")).contains(": FAIL");
    }

    private void checkedOut(String message) {
        browser.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "check-out accepted"));
        assertThat(verdict().getDomAttribute("data-verdict")).isEqualTo("ACCEPTED");
        assertThat(text("verdict-headline")).startsWith("GO").contains(message);
    }

    private WebElement verdict() {
        return browser.driver.findElement(By.id("verdict"));
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    /** Waits until provisioning has recorded {@code count} verified reports of the unit in {@code table}. */
    private static void awaitVerified(String table, String serial, int count) {
        var jdbc = JdbcClient.create(plant.getBean(DataSource.class));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from provisioning." + table
                                        + " where serial = :serial and verdict = 'VERIFIED'")
                                .param("serial", serial)
                                .query(Long.class)
                                .single()
                        >= count);
    }
}
