package com.linetrace.plant;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says where the plant is once it is ready, and on a desktop opens the dashboard in the local browser when
 * {@code linetrace.plant.open-browser=true} (the demo profile). Only ever a localhost address.
 */
@Component
class ReadyMessage {

    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

    private final boolean openBrowser;

    ReadyMessage(@Value("${linetrace.plant.open-browser:false}") boolean openBrowser) {
        this.openBrowser = openBrowser;
    }

    @EventListener
    void on(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        var address = URI.create("http://localhost:" + web.getWebServer().getPort() + "/");
        log.info("LineTrace is ready at {}", address);
        if (openBrowser
                && !GraphicsEnvironment.isHeadless()
                && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            try {
                Desktop.getDesktop().browse(address);
            } catch (Exception e) {
                log.info("Could not open a browser ({}); open {} yourself", e.getMessage(), address);
            }
        }
    }
}
