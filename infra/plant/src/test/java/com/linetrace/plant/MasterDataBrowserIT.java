package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = {"linetrace.identity.demo-users=true", "vaadin.launch-browser=false"})
@Timeout(180)
class MasterDataBrowserIT extends WithBrowser {

    @Test
    void anEngineerBuildsARouteInTheBrowserAndTheLineFollowsIt() {
        var model = "AX9-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        browser.signIn("engineer", "engineer");
        browser.open("/master-data");

        // The demo line's stations, with their labels to print.
        browser.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("stations"), "Tethered flight cage"));
        assertThat(browser.byId("station-labels").getDomAttribute("href")).isNotBlank();

        browser.click("routes-tab");
        browser.type("new-model-id", model);
        browser.type("new-model-name", "AX9 inspection drone");
        browser.click("add-model");
        assertThat(browser.answer("routes-answer", "Added model")).contains(model);

        browser.click("add-operation");
        browser.type("operation-name", "Frame");
        browser.select("operation-kind", "ASSEMBLY");
        browser.type("operation-instruction", "Bolt the arms on");
        browser.type("part-number", "ARM-AX9");
        browser.type("part-description", "Arm");
        browser.type("part-quantity", "2");
        browser.click("add-part");
        browser.waitUpTo(10)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("operation-parts"), "ARM-AX9"));
        browser.click("operation-done");
        browser.waitUpTo(10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("operation-dialog")));
        browser.waitUpTo(10)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("route-operations"), "ARM-AX9 ×2 (lot)"));

        browser.click("add-operation");
        browser.waitUpTo(10)
                .until(driver -> "20".equals(browser.input("operation-seq").getDomProperty("value")));
        browser.type("operation-name", "Pack");
        browser.select("operation-kind", "PACK");
        browser.click("operation-done");
        browser.waitUpTo(10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("operation-dialog")));
        browser.waitUpTo(10)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("route-operations"), "Pack"));

        browser.click("save-route");
        assertThat(browser.answer("routes-answer", "Saved version 1")).contains(model);

        // Once a second person approves the saved draft (DD021), it is what the line enforces for new units.
        assertThat(browser.answer("routes-answer", "Saved version 1")).contains("as a draft");
        assertThat(ApiClient.at(port)
                        .as("quality")
                        .post(
                                "/api/models/" + model + "/routes/1/approval",
                                "{\"reason\":\"Reviewed\",\"signature\":{\"password\":\"quality\","
                                        + "\"meaning\":\"APPROVED\"}}")
                        .status())
                .isEqualTo(200);
        var route = ApiClient.at(port).as("engineer").get("/api/models/" + model + "/routes/current");
        assertThat(route.json().get("createdBy").asString()).isEqualTo("engineer");
        var serial = ApiClient.at(port)
                .as("supervisor")
                .post("/api/work-orders", "{\"model\":\"" + model + "\",\"line\":\"L1\",\"quantity\":1}")
                .json()
                .get("serials")
                .get(0)
                .asString();
        var operator = ApiClient.at(port).as("operator");
        var checkIn = operator.post("/api/stations/ASM-1/scans", "{\"barcode\":\"" + serial + "\"}")
                .json();
        assertThat(checkIn.get("verdict").asString()).isEqualTo("ACCEPTED");
        var work = operator.get("/api/stations/ASM-1/work/" + serial).json();
        assertThat(work.toString()).contains("Bolt the arms on", "ARM-AX9");
    }
}
