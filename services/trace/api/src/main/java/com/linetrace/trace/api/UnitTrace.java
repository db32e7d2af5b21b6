package com.linetrace.trace.api;

import com.linetrace.contracts.Serial;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * One unit as trace recorded it, for quality engineers and the device history record: where it stands, what is in
 * it, every operation, its holds and provisioning's verdicts. Called in-process (trace's bean) or over HTTP; the
 * caller is the signed-in user, who needs QUALITY, SUPERVISOR, MANAGER, ENGINEER or ADMIN. Every method throws
 * {@link UnknownSerialException} (404 {@code unknown-serial}) for a serial trace has never heard of.
 */
@HttpExchange("/api/trace/units")
public interface UnitTrace {

    /** Where the unit stands now. */
    @GetExchange("/{serial}")
    UnitSummary unit(@PathVariable("serial") Serial serial);

    /**
     * What is in the unit, down to sub-assemblies that are units of their own ({@link Genealogy#MAX_DEPTH} levels
     * deep at most).
     */
    @GetExchange("/{serial}/genealogy")
    Genealogy genealogy(@PathVariable("serial") Serial serial);

    /** Every visit of the unit to a station, oldest first. */
    @GetExchange("/{serial}/operations")
    List<OperationRecord> operations(@PathVariable("serial") Serial serial);

    /** Every hold, release and scrap of the unit, oldest first. */
    @GetExchange("/{serial}/holds")
    List<HoldRecord> holds(@PathVariable("serial") Serial serial);

    /** Every verdict of provisioning on the unit (firmware, key injection, revocations), oldest first. */
    @GetExchange("/{serial}/provisioning")
    List<ProvisioningRecord> provisioning(@PathVariable("serial") Serial serial);
}
