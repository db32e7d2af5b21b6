package com.linetrace.plant;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser test's Chromium, started for each test on the running plant's port and closed after it. */
abstract class WithBrowser {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = Browser.start(port);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        browser.close();
    }
}
