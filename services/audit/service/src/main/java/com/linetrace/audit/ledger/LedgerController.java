package com.linetrace.audit.ledger;

import com.linetrace.audit.api.AuditCheckpoint;
import com.linetrace.audit.api.AuditEntryPage;
import com.linetrace.audit.api.AuditLedger;
import com.linetrace.audit.api.AuditPublicKey;
import com.linetrace.audit.api.ConsistencyProof;
import com.linetrace.audit.api.EntryExport;
import com.linetrace.audit.api.EntryProof;
import com.linetrace.audit.api.LedgerVerification;
import com.linetrace.audit.api.UnitProofs;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RestController;

/** {@link AuditLedger} over HTTP: the mappings are the interface's, the service behind it checks roles and decides. */
@RestController
class LedgerController implements AuditLedger {

    private final AuditLedger ledger;

    LedgerController(AuditLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public AuditPublicKey publicKey() {
        return ledger.publicKey();
    }

    @Override
    public AuditCheckpoint latestCheckpoint() {
        return ledger.latestCheckpoint();
    }

    @Override
    public AuditCheckpoint checkpoint(long treeSize) {
        return ledger.checkpoint(treeSize);
    }

    @Override
    public List<AuditCheckpoint> checkpoints(@Nullable Long before, int limit) {
        return ledger.checkpoints(before, limit);
    }

    @Override
    public AuditCheckpoint issueCheckpoint() {
        return ledger.issueCheckpoint();
    }

    @Override
    public EntryProof entry(long index, @Nullable Long treeSize) {
        return ledger.entry(index, treeSize);
    }

    @Override
    public EntryExport export(long index) {
        return ledger.export(index);
    }

    @Override
    public ConsistencyProof consistency(long first, long second) {
        return ledger.consistency(first, second);
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
        return ledger.search(serial, actor, action, from, to, before, limit);
    }

    @Override
    public UnitProofs unitProofs(String serial) {
        return ledger.unitProofs(serial);
    }

    @Override
    public LedgerVerification verification() {
        return ledger.verification();
    }

    @Override
    public LedgerVerification verify() {
        return ledger.verify();
    }
}
