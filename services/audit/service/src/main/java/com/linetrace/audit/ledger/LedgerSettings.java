package com.linetrace.audit.ledger;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit ledger.
 *
 * @param origin the log's name, the first line of every checkpoint (and the name of a throw-away key)
 * @param plant the plant's id in the ledger's own audit actions
 * @param signingKey the checkpoint key as a signed-note signer key {@code PRIVATE+KEY+<name>+<id>+<key>} (from an
 *     environment secret, {@code LINETRACE_AUDIT_SIGNING_KEY}); never logged, never stored in the database
 * @param signingKeyFile a file holding that key, where no {@code signingKey} is given
 * @param throwAwayKey with neither, make a key in memory at start: for the demo only, since a restart makes a new key
 *     and earlier checkpoints can then only be checked with the old public key
 * @param checkpointInterval how often a checkpoint is signed (when the log grew)
 * @param verificationInterval how often the ledger recomputes itself from its rows and compares with its checkpoints
 */
@ConfigurationProperties("linetrace.audit")
record LedgerSettings(
        @DefaultValue("linetrace/CA1/audit") String origin,
        @DefaultValue("CA1") String plant,
        @Nullable String signingKey,
        @Nullable Path signingKeyFile,
        @DefaultValue("false") boolean throwAwayKey,
        @DefaultValue("1m") Duration checkpointInterval,
        @DefaultValue("10m") Duration verificationInterval) {}
