package com.linetrace.audit.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of entries, newest first.
 *
 * @param next the {@code before} of the next page (older entries), or null on the last page
 */
public record AuditEntryPage(
        List<AuditEntry> entries, @Nullable Long next) {}
