package com.linetrace.trace;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Trace's settings ({@code linetrace.trace.*}).
 *
 * @param plant the plant's id in the audit actions trace publishes (exports)
 * @param rebuild empty the read model and trace's inbox at start and read both topics again from offset zero; run
 *     one trace instance with it, once, then start it again without
 * @param auditUrl the audit service's base URL, where trace runs apart from it: a device history record's proofs are
 *     asked for there over HTTP, with the caller's token; unset, the audit ledger of this process is called
 */
@ConfigurationProperties("linetrace.trace")
public record TraceSettings(
        @DefaultValue("CA1") String plant,
        @DefaultValue("false") boolean rebuild,
        @Nullable URI auditUrl) {}
