package com.linetrace.web.export;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The offline mode, one setting for every service and the UI.
 *
 * @param enabled nothing leaves the plant, not even on a person's request: every export that would hand data to the
 *     person (a PDF, a CSV, a device history record) is refused, and the UI says on every page that the mode is on
 * @param exportDir the plant's export folder: exports a person asks for are written there (also when the mode is
 *     off), and offline it is the only place they may go; unset, no export can be written anywhere
 */
@ConfigurationProperties("linetrace.offline")
public record OfflineSettings(
        @DefaultValue("false") boolean enabled, @Nullable Path exportDir) {}
