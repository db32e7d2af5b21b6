package com.linetrace.tracking;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tracking's settings.
 *
 * @param plant the plant's id, carried by every event
 * @param manufacturerCode the plant's four-character CTA-2063-A manufacturer code, the first part of every serial
 * @param serialDigits how many base-34 digits a serial's sequence has before its check character
 * @param debounce a scan of the same barcode at the same station within this window is a bouncing scanner:
 *     it is answered with the first verdict and not recorded again
 * @param demoData create the demo line, model, route and a work order at start when there is no line yet
 * @param identityUrl identity's base URL, where tracking runs apart from it: electronic signatures' passwords are
 *     checked there over HTTP, with the signer's token; unset, identity in this process checks them
 */
@ConfigurationProperties("linetrace.tracking")
public record TrackingSettings(
        @DefaultValue("CA1") String plant,
        @DefaultValue("LTRC") String manufacturerCode,
        @DefaultValue("9") int serialDigits,
        @DefaultValue("1s") Duration debounce,
        @DefaultValue("false") boolean demoData,
        @Nullable URI identityUrl) {}
