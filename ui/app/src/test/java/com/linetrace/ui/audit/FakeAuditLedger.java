package com.linetrace.ui.audit;

import com.linetrace.audit.api.AuditCheckpoint;
import com.linetrace.audit.api.AuditEntry;
import com.linetrace.audit.api.AuditEntryPage;
import com.linetrace.audit.api.AuditLedger;
import com.linetrace.audit.api.AuditProblem;
import com.linetrace.audit.api.AuditPublicKey;
import com.linetrace.audit.api.ConsistencyProof;
import com.linetrace.audit.api.EntryExport;
import com.linetrace.audit.api.EntryProof;
import com.linetrace.audit.api.LedgerVerification;
import com.linetrace.audit.api.UnitProofs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The ledger's answers as the audit service gives them, over a list of entries, with the calls it was asked. */
class FakeAuditLedger implements AuditLedger {

    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    final List<AuditEntry> entries = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    boolean intact = true;

    FakeAuditLedger add(String type, String actor, @Nullable String serial) {
        var index = entries.size();
        entries.add(new AuditEntry(
                index,
                UUID.randomUUID(),
                "linetrace.unit-events.v1",
                type,
                AT.plusSeconds(index),
                AT.plusSeconds(index),
                actor,
                "CA1",
                "L1",
                "ASM-1",
                serial,
                null,
                "e30K",
                "e30="));
        return this;
    }

    @Override
    public AuditPublicKey publicKey() {
        return new AuditPublicKey("linetrace/CA1/audit", "linetrace/CA1/audit+01234567+AQ==");
    }

    @Override
    public AuditCheckpoint latestCheckpoint() {
        return new AuditCheckpoint(
                "linetrace/CA1/audit",
                entries.size(),
                "ROOT=",
                AT,
                "linetrace/CA1/audit\n" + entries.size() + "\nROOT=\n");
    }

    @Override
    public AuditCheckpoint checkpoint(long treeSize) {
        return latestCheckpoint();
    }

    @Override
    public List<AuditCheckpoint> checkpoints(@Nullable Long before, int limit) {
        return List.of(latestCheckpoint());
    }

    @Override
    public AuditCheckpoint issueCheckpoint() {
        return latestCheckpoint();
    }

    @Override
    public EntryProof entry(long index, @Nullable Long treeSize) {
        throw new UnsupportedOperationException();
    }

    @Override
    public EntryExport export(long index) {
        calls.add("export " + index);
        var entry = entries.get((int) index);
        return new EntryExport(index, entries.size(), "e30K", "", List.of(), entry, "note", "key");
    }

    @Override
    public ConsistencyProof consistency(long first, long second) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AuditEntryPage search(
            @Nullable String serial,
            @Nullable String actor,
            @Nullable String action,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable Long before,
            int limit) {
        calls.add("search " + serial + " " + actor + " " + action + " " + from + " " + to + " " + before);
        if (serial != null && serial.contains("<")) {
            throw AuditProblem.INVALID_SEARCH.exception("The serial to search for is not one");
        }
        var found = entries.stream()
                .filter(e -> serial == null || serial.equals(e.serial()))
                .filter(e -> actor == null || actor.equals(e.actor()))
                .filter(e -> action == null || action.equals(e.type()))
                .filter(e -> from == null || !e.occurredAt().isBefore(from))
                .filter(e -> to == null || e.occurredAt().isBefore(to))
                .filter(e -> before == null || e.index() < before)
                .sorted(Comparator.comparingLong(AuditEntry::index).reversed())
                .toList();
        var page = found.stream().limit(limit).toList();
        return new AuditEntryPage(page, found.size() > limit ? page.getLast().index() : null);
    }

    @Override
    public UnitProofs unitProofs(String serial) {
        throw new UnsupportedOperationException();
    }

    @Override
    public LedgerVerification verification() {
        return verify();
    }

    @Override
    public LedgerVerification verify() {
        calls.add("verify");
        return new LedgerVerification(intact, entries.size(), 1, intact ? null : "entry 3 was altered in its row", AT);
    }
}
