package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.IntegrationTest;
import com.linetrace.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;

/** Quality finds a record the plant could not read in the real dead-letter view and discards it, in headless Chromium. */
// The same properties as PlantBrowserIT, so both share one running plant.
@IntegrationTest
@TestPropertySource(properties = {"linetrace.identity.demo-users=true", "vaadin.launch-browser=false"})
@Timeout(180)
class DeadLettersBrowserIT extends WithBrowser {

    @Test
    void qualityDiscardsAnUnreadableUnitEventWithAReason() {
        var key = "BROKEN-" + UUID.randomUUID().toString().substring(0, 8);
        TopicProbe.send("linetrace.unit-events.v1", key, "{\"type\":".getBytes(StandardCharsets.UTF_8));

        browser.signIn("quality", "quality");
        browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("menu"), "Dead letters"));
        // Trace and the UI's live view each fail on it and dead-letter their own copy; the collector takes a moment.
        browser.waitUpTo(60).until(driver -> {
            browser.open("/dead-letters");
            return browser.byId("dead-letters").getText().contains(key);
        });
        assertThat(browser.byId("dead-letters").getText()).contains("linetrace.unit-events.v1", "Not JSON");

        browser.waitUpTo(20)
                .until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + key + "']")))
                .click();
        browser.waitUpTo(20)
                .until(driver -> browser.byId("selected-dead-letter").getText().contains("Not JSON"));
        browser.type("dead-letter-reason", "truncated test record from the bench");
        browser.click("discard-button");

        var answer = browser.waitUpTo(20)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#dead-letters-answer[data-outcome]")));
        assertThat(answer.getDomAttribute("data-outcome")).as(answer.getText()).isEqualTo("done");
        assertThat(answer.getText()).startsWith("Discarded: dead letter").contains(key);
        browser.waitUpTo(20)
                .until(driver -> browser.byId("dead-letters").getText().contains("discarded by quality"));
    }
}
