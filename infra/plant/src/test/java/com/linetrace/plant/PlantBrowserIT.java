package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

@IntegrationTest
@TestPropertySource(properties = {"linetrace.identity.demo-users=true", "vaadin.launch-browser=false"})
@Timeout(180)
class PlantBrowserIT {

    private static Path profile;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        profile = Files.createTempDirectory("linetrace-chromium-");
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        var driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    /** Fresh units of the demo model, released for this test so that their next step is at ASM-1. */
    private java.util.List<String> newSerials(int quantity) {
        var released = com.linetrace.testing.ApiClient.at(port)
                .as("supervisor")
                .post("/api/work-orders", "{\"model\":\"AX4-ENT\",\"line\":\"L1\",\"quantity\":" + quantity + "}");
        var serials = new java.util.ArrayList<String>();
        released.json().get("serials").forEach(s -> serials.add(s.asString()));
        return serials;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits for a condition; Vaadin re-renders lists on each push, so an element found a moment ago may be gone. */
    private WebDriverWait waitUpTo(int seconds) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** The native input inside a Vaadin text field, where keystrokes go. */
    private WebElement input(String fieldId) {
        return waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + fieldId + " input")));
    }

    private void signIn(String user, String password) {
        browser.get(url("/"));
        waitUpTo(30).until(ExpectedConditions.urlContains("/login"));
        input("vaadinLoginUsername").sendKeys(user);
        input("vaadinLoginPassword").sendKeys(password, Keys.ENTER);
        waitUpTo(30).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void scan(String serial) {
        // A keyboard-wedge scanner types the barcode and presses Enter.
        input("scan-field").sendKeys(serial, Keys.ENTER);
    }

    private WebElement verdict() {
        return browser.findElement(By.id("verdict"));
    }

    private WebElement partRow(String partNumber) {
        return browser.findElement(By.cssSelector("#parts-to-scan .part[data-part='" + partNumber + "']"));
    }

    /** The parts list the terminal shows: each part number with how many are still to scan, in its order. */
    private java.util.Map<String, Integer> partsToScan() {
        var parts = new java.util.LinkedHashMap<String, Integer>();
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#parts-to-scan .part")));
        for (var row : browser.findElements(By.cssSelector("#parts-to-scan .part"))) {
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

        signIn("operator", "operator");

        // The terminal, bookmarked for its station.
        browser.get(url("/station?station=ASM-1"));
        var terminal = browser.getWindowHandle();
        scan(first);
        waitUpTo(20).until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-verdict", "ACCEPTED"));
        assertThat(verdict().getText()).startsWith("GO");

        // The terminal shows what to do and which parts to scan; PASS waits for them.
        assertThat(browser.findElement(By.id("work-instruction")).getText()).contains("arms");
        var parts = partsToScan();
        assertThat(parts).containsOnly(java.util.Map.entry("FRM-AX4", 1), java.util.Map.entry("ARM-AX4", 4));
        assertThat(browser.findElement(By.id("pass-button")).getDomAttribute("disabled"))
                .isNotNull();
        parts.forEach((part, stillToScan) -> {
            for (int scanned = 1; scanned <= stillToScan; scanned++) {
                scan(part + ";L=L2611");
                var installed = scanned;
                waitUpTo(20)
                        .until(driver ->
                                partRow(part).getDomAttribute("data-installed").equals(Integer.toString(installed)));
            }
        });
        assertThat(verdict().getText()).contains("all parts scanned");
        waitUpTo(10)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pass-button:not([disabled])")))
                .click();
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "check-out accepted"));
        assertThat(verdict().getDomAttribute("data-verdict")).isEqualTo("ACCEPTED");
        assertThat(verdict().getText()).startsWith("GO");

        // A misread barcode is refused at once, in red, with the reason.
        scan(first.substring(0, first.length() - 1) + (first.endsWith("0") ? "1" : "0"));
        waitUpTo(20).until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-verdict", "REJECTED"));
        assertThat(verdict().getText()).startsWith("STOP").contains("check character");

        // The dashboard in a second tab of the same signed-in browser.
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(url("/dashboard"));
        waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("completed-today")));
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#units-chart canvas")));
        var dashboard = browser.getWindowHandle();
        var workingBefore = browser.findElement(By.id("in-progress")).getText();
        var eventsBefore = browser.findElement(By.id("last-events")).getText();
        assertThat(eventsBefore).doesNotContain(second + " @ ASM-1");

        // Another scan at the terminal...
        browser.switchTo().window(terminal);
        scan(second);
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), second));
        waitUpTo(20).until(ExpectedConditions.attributeToBe(By.id("verdict"), "data-verdict", "ACCEPTED"));

        // ...reaches the dashboard through Kafka and server push, without a reload.
        browser.switchTo().window(dashboard);
        var sameDocument = browser.findElement(By.id("last-events"));
        waitUpTo(15).until(ExpectedConditions.textToBePresentInElement(sameDocument, second + " @ ASM-1"));
        assertThat(browser.findElement(By.cssSelector("#last-events .event")).getText())
                .as("the newest event is on top")
                .contains(second);
        // The element found before the event is still attached: the page was not reloaded.
        assertThat(ExpectedConditions.stalenessOf(sameDocument).apply(browser)).isFalse();
        assertThat(workingBefore).isNotBlank();
        assertThat(browser.findElement(By.id("menu")).getText())
                .as("the operator's menu lists only what the operator may open")
                .contains("Station terminal")
                .doesNotContain("Holds", "Firmware releases", "Units");

        // Quality, signed in on the same browser, finds the first unit's life in the unit view.
        browser.findElement(By.id("sign-out")).click();
        signIn("quality", "quality");
        waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("menu"), "Firmware releases"));
        assertThat(browser.findElement(By.id("menu")).getText()).contains("Holds", "Units");
        waitUpTo(20).until(driver -> {
            driver.get(url("/units?serial=" + first));
            return waitUpTo(10)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#unit-message[data-outcome]")))
                    .getText()
                    .startsWith(first + ": ");
        });
        assertThat(browser.findElement(By.id("unit-message")).getText()).contains("events");
    }
}
