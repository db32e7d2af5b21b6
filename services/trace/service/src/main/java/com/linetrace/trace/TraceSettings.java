package com.linetrace.trace;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Trace's settings ({@code linetrace.trace.*}).
 *
 * @param plant the plant's id in the audit actions trace publishes (exports)
 * @param rebuild empty the read model and trace's inbox at start and read both topics again from offset zero; run
 *     one trace instance with it, once, then start it again without
 */
@ConfigurationProperties("linetrace.trace")
public record TraceSettings(
        @DefaultValue("CA1") String plant,
        @DefaultValue("false") boolean rebuild) {}
