package com.linetrace.plant;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (never a downloaded browser), with the few
 * moves the browser tests share: sign in, type into a Vaadin field, wait out Vaadin's re-rendering.
 */
final class Browser implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final WebDriver driver;
    private final Path profile;
    private final int port;

    private Browser(WebDriver driver, Path profile, int port) {
        this.driver = driver;
        this.profile = profile;
        this.port = port;
    }

    static Browser start(int port) throws IOException {
        return start(port, false);
    }

    /**
     * A browser that also keeps Chromium's performance log, so that {@link #requestedUrls()} can say which URLs
     * its pages asked for.
     */
    static Browser recordingRequests(int port) throws IOException {
        return start(port, true);
    }

    private static Browser start(int port, boolean recordRequests) throws IOException {
        var profile = Files.createTempDirectory("linetrace-chromium-");
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
        if (recordRequests) {
            var logs = new LoggingPreferences();
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        }
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        return new Browser(new ChromeDriver(service, options), profile, port);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void open(String path) {
        driver.get(url(path));
    }

    /** Waits for a condition; Vaadin re-renders lists on each push, so an element found a moment ago may be gone. */
    WebDriverWait waitUpTo(int seconds) {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    WebElement byId(String id) {
        return waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** The native input (or text area) inside a Vaadin field, where keystrokes go. */
    WebElement input(String fieldId) {
        return waitUpTo(20)
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea")));
    }

    void type(String fieldId, String text) {
        var input = input(fieldId);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
    }

    /** Opens a Vaadin select and clicks the item showing {@code text}. */
    void select(String selectId, String text) {
        click(selectId);
        // Other selects on the page (hidden ones too) have items of the same text: click the one showing.
        waitUpTo(10)
                .until(driver ->
                        driver
                                .findElements(By.xpath("//vaadin-select-item[normalize-space(.)='" + text + "']"))
                                .stream()
                                .filter(WebElement::isDisplayed)
                                .findFirst()
                                .orElse(null))
                .click();
        waitUpTo(10).until(driver -> byId(selectId).getText().contains(text));
    }

    void click(String id) {
        waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    void signIn(String user, String password) {
        open("/");
        waitUpTo(30).until(ExpectedConditions.urlContains("/login"));
        input("vaadinLoginUsername").sendKeys(user);
        input("vaadinLoginPassword").sendKeys(password, Keys.ENTER);
        waitUpTo(30).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /**
     * At a station terminal's badge sign-in: the scanner types the badge and Enter, which moves to the PIN field; the
     * person types the PIN and Enter there. Waits until the page is no longer the sign-in page.
     */
    void signInByBadge(String badge, String pin) {
        scanBadgeAndTypePin(badge, pin);
        waitUpTo(30).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** The badge scanned with its Enter, which must move the focus to the PIN field; the PIN typed there and Enter. */
    void scanBadgeAndTypePin(String badge, String pin) {
        input("vaadinLoginUsername").sendKeys(badge, Keys.ENTER);
        waitUpTo(10)
                .until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                        .executeScript("return document.activeElement?.closest('#vaadinLoginPassword') != null")));
        driver.switchTo().activeElement().sendKeys(pin, Keys.ENTER);
    }

    /** A keyboard-wedge scanner at a station terminal types the barcode and presses Enter. */
    void scan(String barcode) {
        input("scan-field").sendKeys(barcode, Keys.ENTER);
    }

    void signOut() {
        click("sign-out");
        waitUpTo(30).until(ExpectedConditions.urlContains("/login"));
    }

    /** The text of a form's answer once it has one ({@code data-outcome} is set by the view). */
    String answer(String id, String text) {
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
        return byId(id).getText();
    }

    /**
     * Fetches {@code href} from the page, through the signed-in session, as a person's click on a download link
     * would: the status, content type and disposition, and the body as Latin-1 text (bytes kept one to one).
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> fetch(String href) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
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

    /** Every URL the browser's pages requested since the last call (needs {@link #recordingRequests(int)}). */
    List<String> requestedUrls() {
        var urls = new ArrayList<String>();
        for (var entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            var message = JSON.readTree(entry.getMessage()).path("message");
            if (message.path("method").asString().equals("Network.requestWillBeSent")) {
                urls.add(message.path("params").path("request").path("url").asString());
            }
        }
        return urls;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        FileSystemUtils.deleteRecursively(profile);
    }
}
