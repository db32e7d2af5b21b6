package com.linetrace.tracking.api;

import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.identity.api.SignatureCredential;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * Stopping units: holds (supervisor, quality), releases (quality only, with a reason), scrap (final) and lot
 * quarantine (quality), which holds every unit containing the lot and refuses the lot at every station. Each
 * method checks the caller's role; a refusal throws {@link HoldRefusedException} with the reason in words.
 */
@HttpExchange(url = "/api", contentType = MediaType.APPLICATION_JSON_VALUE)
public interface UnitHolds {

    /** What a request to stop units did: the serials held now, and those it could not hold (unknown, scrapped). */
    record Outcome(List<String> held, List<String> skipped) {}

    /** Units to hold: a list of serials (as scanned or typed), or a whole work order. */
    record HoldRequest(
            @Nullable @Size(max = 1000) List<String> serials,
            @Nullable WorkOrderNumber workOrder,
            @NotBlank @Size(max = 500) String reason) {

        public static HoldRequest of(List<String> serials, String reason) {
            return new HoldRequest(serials, null, reason);
        }

        public static HoldRequest of(WorkOrderNumber workOrder, String reason) {
            return new HoldRequest(null, workOrder, reason);
        }
    }

    /**
     * Why a unit is released or scrapped, and the decision's electronic signature: the caller's password re-entered
     * and what the signature means (required; DD018).
     */
    record Reason(
            @NotBlank @Size(max = 500) String reason,
            @Nullable SignatureCredential signature) {}

    /** A lot of a part; {@code reason} is required to quarantine it and to lift the quarantine. */
    record Lot(
            @NotBlank @Size(max = 40) String partNumber,
            @NotBlank @Size(max = 40) String lot,
            @Nullable @Size(max = 500) String reason) {}

    /**
     * Holds the named serials, or every unit of the work order.
     *
     * @throws HoldRefusedException without serials or work order, for a work order without units, or without a
     *     reason of 3 to 500 characters
     */
    @PostExchange("/holds")
    Outcome hold(@Valid @RequestBody HoldRequest request);

    /** Quarantines a lot: refused at every station from now on, and every unit containing it is held. */
    @PostExchange("/lots/quarantine")
    Outcome quarantineLot(@Valid @RequestBody Lot lot);

    /**
     * Lifts a lot's quarantine; the units it held stay held until quality releases each.
     *
     * @throws HoldRefusedException when the lot is not quarantined
     */
    @PostExchange("/lots/quarantine-lift")
    void liftQuarantine(@Valid @RequestBody Lot lot);

    /**
     * Releases a held unit, signed electronically by the caller (QUALITY or ADMIN may sign): the signed record goes
     * into the audit ledger with the release.
     *
     * @param serial the serial as typed or scanned; a malformed one is refused in words
     * @throws HoldRefusedException {@link TrackingProblem#UNKNOWN_SERIAL} (404) when no work order issued it
     * @throws com.linetrace.contracts.problem.ProblemException {@code signature-required} (400), {@code
     *     signature-not-allowed} or {@code signature-refused} (403, each an audit entry), {@code
     *     signature-unavailable} (503)
     */
    @PostExchange("/units/{serial}/release")
    void release(@PathVariable String serial, @Valid @RequestBody Reason reason);

    /**
     * Scraps a unit: final. Signed electronically by the caller (SUPERVISOR, QUALITY or ADMIN may sign), as a release
     * is.
     *
     * @throws HoldRefusedException {@link TrackingProblem#UNKNOWN_SERIAL} (404) when no work order issued it
     */
    @PostExchange("/units/{serial}/scrap")
    void scrap(@PathVariable String serial, @Valid @RequestBody Reason reason);
}
