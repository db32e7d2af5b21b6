package com.linetrace.audit.ledger;

import com.linetrace.contracts.problem.ProblemException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Signs a checkpoint at a fixed interval (when the log grew) and verifies the ledger at another, on a thread of its
 * own, started and stopped with the application. Every instance does both: signing is serialised by the writer lock
 * and gives one checkpoint per size, and each instance's health says what its own verification found.
 */
class LedgerSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerSchedule.class);

    private final Ledger ledger;
    private final LedgerVerifier verifier;
    private final LedgerWatch watch;
    private final LedgerSettings settings;
    private @Nullable ScheduledExecutorService executor;

    LedgerSchedule(Ledger ledger, LedgerVerifier verifier, LedgerWatch watch, LedgerSettings settings) {
        this.ledger = ledger;
        this.verifier = verifier;
        this.watch = watch;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        var executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("audit-ledger").daemon(true).factory());
        executor.scheduleWithFixedDelay(
                this::checkpoint, 0, settings.checkpointInterval().toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(
                this::verify,
                settings.verificationInterval().toMillis() / 10,
                settings.verificationInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        this.executor = executor;
    }

    private void checkpoint() {
        try {
            ledger.checkpoint();
        } catch (ProblemException e) {
            log.debug("No checkpoint signed: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn(
                    "Could not sign an audit checkpoint (next try in {}): {}",
                    settings.checkpointInterval(),
                    e.toString());
        }
    }

    private void verify() {
        try {
            watch.record(verifier.verify());
        } catch (RuntimeException e) {
            log.warn(
                    "Could not verify the audit ledger (next try in {}): {}",
                    settings.verificationInterval(),
                    e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
