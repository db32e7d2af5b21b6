package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = {"linetrace.identity.demo-users=true", "vaadin.launch-browser=false"})
@Timeout(180)
class PlantBrowserIT extends WithBrowser {

    /** Fresh units of the demo model, released for this test so that their next step is at ASM-1. */
    private java.util.List<String> newSerials(int quantity) {
        var released = com.linetrace.testing.ApiClient.at(port)
                .as("supervisor")
                .post("/api/work-orders", "{\"model\":\"AX4-ENT\",\"line\":\"L1\",\"quantity\":" + quantity + "}");
        var serials = new java.util.ArrayList<String>();
        released.json().get("serials").forEach(s -> serials.add(s.asString()));
        return serials;
    }

    private WebElement verdict() {
        return browser.driver.findElement(By.id("verdict"));
    }

    private WebElement partRow(String partNumber) {
        return browser.driver.findElement(By.cssSelector("#parts-to-scan .part[data-part='" + partNumber + "']"));
    }

    /** The parts list the terminal shows: each part number with how many are still to scan, in its order. */
    private java.util.Map<String, Integer> partsToScan() {
        var parts = new java.util.LinkedHashMap<String, Integer>();
        browser.waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#parts-to-scan .part")));
        for (var row : browser.driver.findElements(By.cssSelector("#parts-to-scan .part"))) {
            parts.put(
                    row.getDomAttribute("data-part"),
                    Integer.parseInt(row.getDomAttribute("data-required"))
                            - Integer.parseInt(row.getDomAttribute("data-installed")));
        }
        return parts;
    }

    @Test
    void operatorChecksUnitsInAndOutWhileTheDashboardFollowsLive() {
        var serials = newSerials(2);
        var first = serials.get(0);
        var second = serials.get(1);

        browser.signIn("operator", "operator");

        // The terminal, bookmarked for its station.
        browser.open("/station?station=ASM-1");
        var terminal = browser.driver.getWindowHandle();
        browser.scan(first);
        browser.waitUpTo(20).until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-verdict", "ACCEPTED"));
        assertThat(verdict().getText()).startsWith("GO");

        // The terminal shows what to do and which parts to scan; PASS waits for them.
        assertThat(browser.driver.findElement(By.id("work-instruction")).getText())
                .contains("arms");
        var parts = partsToScan();
        assertThat(parts).containsOnly(java.util.Map.entry("FRM-AX4", 1), java.util.Map.entry("ARM-AX4", 4));
        assertThat(browser.driver.findElement(By.id("pass-button")).getDomAttribute("disabled"))
                .isNotNull();
        parts.forEach((part, stillToScan) -> {
            for (int scanned = 1; scanned <= stillToScan; scanned++) {
                browser.scan(part + ";L=L2611");
                var installed = scanned;
                browser.waitUpTo(20)
                        .until(driver ->
                                partRow(part).getDomAttribute("data-installed").equals(Integer.toString(installed)));
            }
        });
        assertThat(verdict().getText()).contains("all parts scanned");
        browser.waitUpTo(10)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pass-button:not([disabled])")))
                .click();
        browser.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "check-out accepted"));
        assertThat(verdict().getDomAttribute("data-verdict")).isEqualTo("ACCEPTED");
        assertThat(verdict().getText()).startsWith("GO");

        // A misread barcode is refused at once, in red, with the reason.
        browser.scan(first.substring(0, first.length() - 1) + (first.endsWith("0") ? "1" : "0"));
        browser.waitUpTo(20).until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-verdict", "REJECTED"));
        assertThat(verdict().getText()).startsWith("STOP").contains("check character");

        // The dashboard in a second tab of the same signed-in browser.
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.open("/dashboard");
        browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("completed-today")));
        browser.waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#units-chart canvas")));
        var dashboard = browser.driver.getWindowHandle();
        var workingBefore = browser.driver.findElement(By.id("in-progress")).getText();
        var eventsBefore = browser.driver.findElement(By.id("last-events")).getText();
        assertThat(eventsBefore).doesNotContain(second + " @ ASM-1");

        // Another scan at the terminal...
        browser.driver.switchTo().window(terminal);
        browser.scan(second);
        browser.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), second));
        browser.waitUpTo(20).until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-verdict", "ACCEPTED"));

        // ...reaches the dashboard through Kafka and server push, without a reload.
        browser.driver.switchTo().window(dashboard);
        var sameDocument = browser.driver.findElement(By.id("last-events"));
        browser.waitUpTo(15).until(ExpectedConditions.textToBePresentInElement(sameDocument, second + " @ ASM-1"));
        assertThat(browser.driver
                        .findElement(By.cssSelector("#last-events .event"))
                        .getText())
                .as("the newest event is on top")
                .contains(second);
        // Metrics' numbers follow too, through the line's shared board: the station the unit is at works.
        browser.waitUpTo(20)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#station-loads [data-station='ASM-1'][data-state='PRODUCTIVE']")));
        browser.waitUpTo(10)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#throughput-chart canvas")));
        // The element found before the event is still attached: the page was not reloaded.
        assertThat(ExpectedConditions.stalenessOf(sameDocument).apply(browser.driver))
                .isFalse();
        assertThat(workingBefore).isNotBlank();
        assertThat(browser.driver.findElement(By.id("menu")).getText())
                .as("the operator's menu lists only what the operator may open")
                .contains("Station terminal")
                .doesNotContain("Holds", "Firmware releases", "Trace", "Where-used");

        // Quality, signed in on the same browser, finds the first unit's life in the unit view.
        browser.driver.findElement(By.id("sign-out")).click();
        browser.signIn("quality", "quality");
        browser.waitUpTo(30)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("menu"), "Firmware releases"));
        assertThat(browser.driver.findElement(By.id("menu")).getText()).contains("Holds", "Trace", "Where-used");
        browser.waitUpTo(20).until(driver -> {
            driver.get(browser.url("/units?serial=" + first));
            return browser.waitUpTo(10)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#unit-message[data-outcome]")))
                    .getText()
                    .startsWith(first + ": ");
        });
        assertThat(browser.driver.findElement(By.id("unit-message")).getText()).contains("events");
    }
}
