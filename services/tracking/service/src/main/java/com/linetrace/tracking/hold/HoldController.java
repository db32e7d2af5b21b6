package com.linetrace.tracking.hold;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.action.SignedAction;
import com.linetrace.tracking.Caller;
import com.linetrace.tracking.api.HoldRefusedException;
import com.linetrace.tracking.api.UnitHolds;
import com.linetrace.web.signature.ElectronicSignatures;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link UnitHolds}, for the HTTP API and for the UI in-process alike: the mappings are the interface's, the roles
 * are checked here, and the person holding, releasing or scrapping is the caller.
 */
@RestController
class HoldController implements UnitHolds {

    /** Who may sign a held unit's release, and a unit's scrap. */
    static final Set<String> RELEASERS = Set.of(Roles.QUALITY, Roles.ADMIN);

    static final Set<String> SCRAPPERS = Set.of(Roles.SUPERVISOR, Roles.QUALITY, Roles.ADMIN);

    private final Holds holds;
    private final ElectronicSignatures signatures;

    HoldController(Holds holds, @Qualifier("trackingSignatures") ElectronicSignatures signatures) {
        this.holds = holds;
        this.signatures = signatures;
    }

    @Override
    @RolesAllowed({Roles.SUPERVISOR, Roles.QUALITY, Roles.ADMIN})
    public Outcome hold(HoldRequest request) {
        if (request.workOrder() != null) {
            return holds.holdWorkOrder(request.workOrder(), request.reason(), Caller.name());
        }
        if (request.serials() == null || request.serials().isEmpty()) {
            throw new HoldRefusedException("Name the serials or the work order to hold");
        }
        return holds.hold(request.serials(), request.reason(), Caller.name());
    }

    @Override
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    public Outcome quarantineLot(Lot lot) {
        return holds.quarantineLot(
                lot.partNumber(), lot.lot(), lot.reason() == null ? "" : lot.reason(), Caller.name());
    }

    @Override
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    public void liftQuarantine(Lot lot) {
        if (!holds.liftQuarantine(
                lot.partNumber(), lot.lot(), lot.reason() == null ? "" : lot.reason(), Caller.name())) {
            throw new HoldRefusedException("Lot " + lot.lot() + " of " + lot.partNumber() + " is not quarantined");
        }
    }

    /**
     * Signed by the caller: any person's role reaches it, and the signature decides who may sign ({@link #RELEASERS}),
     * so that a refusal of someone not allowed is in the ledger too (DD018).
     */
    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public void release(String serial, Reason reason) {
        Holds.requireSerial(serial);
        Holds.reason(reason.reason());
        var signature = signatures.sign(SignedAction.UNIT_RELEASE, serial, serial, reason.signature(), RELEASERS);
        holds.release(serial, reason.reason(), signature);
    }

    /** Signed by the caller, as a release is ({@link #SCRAPPERS}). */
    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public void scrap(String serial, Reason reason) {
        Holds.requireSerial(serial);
        Holds.reason(reason.reason());
        var signature = signatures.sign(SignedAction.UNIT_SCRAP, serial, serial, reason.signature(), SCRAPPERS);
        holds.scrap(serial, reason.reason(), signature);
    }
}
