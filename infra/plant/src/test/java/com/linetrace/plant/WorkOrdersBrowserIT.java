package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

/** A supervisor releases a work order in the real UI and opens its labels, in headless Chromium. */
// The same properties as PlantBrowserIT, so both share one running plant.
@IntegrationTest
@TestPropertySource(properties = {"linetrace.identity.demo-users=true", "vaadin.launch-browser=false"})
@Timeout(180)
class WorkOrdersBrowserIT {

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

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits for a condition; Vaadin re-renders on each round trip, so an element found a moment ago may be gone. */
    private WebDriverWait waitUpTo(int seconds) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The native input inside a Vaadin field, where keystrokes go. */
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

    @Test
    void supervisorReleasesAWorkOrderAndOpensItsLabels() {
        signIn("supervisor", "supervisor");
        browser.get(url("/work-orders"));

        waitUpTo(30)
                .until(ExpectedConditions.elementToBeClickable(By.id("work-order-model")))
                .click();
        waitUpTo(10)
                .until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-select-item[starts-with(normalize-space(.), 'AX4-ENT')]")))
                .click();
        assertThat(browser.findElement(By.id("work-order-line")).getText()).contains("L1");
        input("work-order-quantity").sendKeys("3");
        browser.findElement(By.id("release-work-order")).click();

        var answer = waitUpTo(20)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#work-orders-answer[data-outcome]")));
        assertThat(answer.getDomAttribute("data-outcome")).as(answer.getText()).isEqualTo("done");
        assertThat(answer.getText()).matches("Released WO-\\d{6}: 3 serials \\w+–\\w+\\. .*");
        var number = answer.getText().substring("Released ".length(), "Released WO-000000".length());

        // The new row, with its labels link: a PDF opened in the browser, through the signed-in session.
        var labels = waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("labels-" + number)));
        assertThat(browser.findElement(By.id("work-orders")).getText()).contains(number);
        var href = labels.getDomProperty("href");
        assertThat(href).startsWith(url("/"));
        @SuppressWarnings("unchecked")
        var pdf = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        fetch(arguments[0], {credentials: 'same-origin'})
                            .then(async response => {
                                const bytes = new Uint8Array(await response.arrayBuffer());
                                done({status: response.status,
                                      type: response.headers.get('Content-Type'),
                                      disposition: response.headers.get('Content-Disposition'),
                                      start: String.fromCharCode(...bytes.slice(0, 5))});
                            })
                            .catch(e => done({error: String(e)}));
                        """, href);
        assertThat(pdf).as(String.valueOf(pdf)).containsEntry("status", 200L).containsEntry("start", "%PDF-");
        assertThat((String) pdf.get("type")).startsWith("application/pdf");
        assertThat((String) pdf.get("disposition")).startsWith("inline");
    }
}
