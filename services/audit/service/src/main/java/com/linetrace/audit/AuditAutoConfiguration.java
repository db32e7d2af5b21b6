package com.linetrace.audit;

import com.linetrace.audit.ledger.LedgerConfiguration;
import com.linetrace.messaging.MessagingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Audit's beans: the ledger and its API, imported by name (no component scan, so nothing else on the class path
 * becomes a bean of audit's). See docs/decisions/DD016-20261201-audit-log.md.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@Import(LedgerConfiguration.class)
public class AuditAutoConfiguration {}
