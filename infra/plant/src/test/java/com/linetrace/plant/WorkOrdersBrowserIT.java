package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;

/** A supervisor releases a work order in the real UI and opens its labels, in headless Chromium. */
// The same properties as PlantBrowserIT, so both share one running plant.
@IntegrationTest
@TestPropertySource(properties = {"linetrace.identity.demo-users=true", "vaadin.launch-browser=false"})
@Timeout(180)
class WorkOrdersBrowserIT extends WithBrowser {

    @Test
    void supervisorReleasesAWorkOrderAndOpensItsLabels() {
        browser.signIn("supervisor", "supervisor");
        browser.open("/work-orders");

        browser.waitUpTo(30)
                .until(ExpectedConditions.elementToBeClickable(By.id("work-order-model")))
                .click();
        browser.waitUpTo(10)
                .until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-select-item[starts-with(normalize-space(.), 'AX4-ENT')]")))
                .click();
        // The lines are offered once the model is picked: the select fills in on the next round trip.
        browser.waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("work-order-line"), "L1"));
        browser.input("work-order-quantity").sendKeys("3");
        browser.driver.findElement(By.id("release-work-order")).click();

        var answer = browser.waitUpTo(20)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#work-orders-answer[data-outcome]")));
        assertThat(answer.getDomAttribute("data-outcome")).as(answer.getText()).isEqualTo("done");
        assertThat(answer.getText()).matches("Released WO-\\d{6}: 3 serials \\w+–\\w+\\. .*");
        var number = answer.getText().substring("Released ".length(), "Released WO-000000".length());

        // The new row, with its labels link: a PDF opened in the browser, through the signed-in session.
        var labels = browser.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("labels-" + number)));
        assertThat(browser.driver.findElement(By.id("work-orders")).getText()).contains(number);
        var href = labels.getDomProperty("href");
        assertThat(href).startsWith(browser.url("/"));
        var pdf = browser.fetch(href);
        assertThat(pdf).as(String.valueOf(pdf)).containsEntry("status", 200L).containsKey("text");
        assertThat((String) pdf.get("text")).startsWith("%PDF-");
        assertThat((String) pdf.get("type")).startsWith("application/pdf");
        assertThat((String) pdf.get("disposition")).startsWith("inline");
    }
}
