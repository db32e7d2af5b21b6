package com.linetrace.tracking.hold;

import com.linetrace.contracts.Roles;
import com.linetrace.tracking.Caller;
import com.linetrace.tracking.api.HoldRefusedException;
import com.linetrace.tracking.api.UnitHolds;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link UnitHolds}, for the HTTP API and for the UI in-process alike: the mappings are the interface's, the roles
 * are checked here, and the person holding, releasing or scrapping is the caller.
 */
@RestController
class HoldController implements UnitHolds {

    private final Holds holds;

    HoldController(Holds holds) {
        this.holds = holds;
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

    @Override
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    public void release(String serial, Reason reason) {
        holds.release(serial, reason.reason(), Caller.name());
    }

    @Override
    @RolesAllowed({Roles.SUPERVISOR, Roles.QUALITY, Roles.ADMIN})
    public void scrap(String serial, Reason reason) {
        holds.scrap(serial, reason.reason(), Caller.name());
    }
}
