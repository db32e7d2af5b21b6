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
import com.linetrace.contracts.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RestController;

/** {@link AuditLedger} over HTTP: the mappings are the interface's, its roles checked before the body is read, and again by the service behind it. */
@RestController
class LedgerController implements AuditLedger {

    private final AuditLedger ledger;

    LedgerController(AuditLedger ledger) {
        this.ledger = ledger;
    }

    @PermitAll
    @Override
    public AuditPublicKey publicKey() {
        return ledger.publicKey();
    }

    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    @Override
    public AuditCheckpoint latestCheckpoint() {
        return ledger.latestCheckpoint();
    }

    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    @Override
    public AuditCheckpoint checkpoint(long treeSize) {
        return ledger.checkpoint(treeSize);
    }

    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    @Override
    public List<AuditCheckpoint> checkpoints(@Nullable Long before, int limit) {
        return ledger.checkpoints(before, limit);
    }

    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    @Override
    public AuditCheckpoint issueCheckpoint() {
        return ledger.issueCheckpoint();
    }

    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    @Override
    public EntryProof entry(long index, @Nullable Long treeSize) {
        return ledger.entry(index, treeSize);
    }

    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    @Override
    public EntryExport export(long index) {
        return ledger.export(index);
    }

    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    @Override
    public ConsistencyProof consistency(long first, long second) {
        return ledger.consistency(first, second);
    }

    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
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

    @RolesAllowed({Roles.QUALITY, Roles.SUPERVISOR, Roles.MANAGER, Roles.ENGINEER, Roles.ADMIN})
    @Override
    public UnitProofs unitProofs(String serial) {
        return ledger.unitProofs(serial);
    }

    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    @Override
    public LedgerVerification verification() {
        return ledger.verification();
    }

    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    @Override
    public LedgerVerification verify() {
        return ledger.verify();
    }
}
