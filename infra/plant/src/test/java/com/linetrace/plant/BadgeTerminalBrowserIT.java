package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;

/**
 * An operator signs in at a station terminal by scanning their badge and typing their PIN, in headless Chromium, and
 * the terminal returns to the badge sign-in by itself once the badge session has been left alone for its timeout
 * (shortened here, with Vaadin's heartbeat, so the test need not wait five minutes).
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "linetrace.identity.demo-users=true",
            "vaadin.launch-browser=false",
            "linetrace.ui.session.badge-timeout=6s",
            "vaadin.heartbeatInterval=2"
        })
@Timeout(180)
class BadgeTerminalBrowserIT extends WithBrowser {

    @Test
    void anOperatorScansTheirBadgeTypesTheirPinAndTheIdleTerminalReturnsToTheBadgeSignIn() {
        // The terminal, bookmarked for its station, set once to sign in by badge.
        browser.open("/station?station=ASM-1");
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/login"));
        browser.click("sign-in-mode");
        browser.waitUpTo(30)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("sign-in-mode"), "Sign in with a user name and password"));

        browser.signInByBadge("B-1001", "246810");

        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/station"));
        assertThat(browser.byId("scan-field").isDisplayed()).isTrue();

        // Left alone: the first heartbeat after the timeout ends the session, and the tab shows the badge sign-in.
        browser.waitUpTo(60).until(ExpectedConditions.urlContains("/login"));
        browser.waitUpTo(30)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("sign-in-mode"), "Sign in with a user name and password"));
        browser.signInByBadge("B-1001", "246810");
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/station"));
    }

    @Test
    void aWrongPinKeepsTheTerminalOnTheBadgeSignInAndSaysSo() {
        browser.open("/login?badge");
        browser.scanBadgeAndTypePin("B-1002", "999999");

        browser.waitUpTo(30).until(ExpectedConditions.urlContains("error"));
        assertThat(browser.driver.getCurrentUrl()).contains("/login?badge");
        browser.waitUpTo(30).until(driver -> browser.byId("login-form").getDomAttribute("error") != null);
        assertThat(browser.byId("sign-in-mode").getText()).isEqualTo("Sign in with a user name and password");
    }
}
