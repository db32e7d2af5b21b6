package com.linetrace.provisioning.api;

import com.linetrace.contracts.Serial;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The plant's firmware releases. Registration needs a signature by a trusted release key; approval and revocation
 * are quality's, with a reason, and by another person than the registrant. The caller is the signed-in user (Spring
 * Security's context); each method checks the caller's role. A refusal throws
 * {@link com.linetrace.contracts.problem.ProblemException} with a {@link ProvisioningProblem} and the reason in words.
 */
@HttpExchange("/api/firmware-releases")
public interface FirmwareReleaseCatalog {

    /** Every release, or those in {@code state}, by model and module, newest first within each. */
    @GetExchange
    List<ReleaseSummary> releases(@RequestParam(required = false) @Nullable ReleaseState state);

    /** One release; {@link ProvisioningProblem#RELEASE_NOT_FOUND} when there is none of that id. */
    @GetExchange("/{id}")
    ReleaseSummary release(@PathVariable UUID id);

    /** Registers a release as a DRAFT, registered by the caller. Over HTTP: 201 with its location. */
    @PostExchange
    ReleaseSummary registerRelease(@RequestBody ReleaseRegistration registration);

    /**
     * Approves a DRAFT for flashing, signed electronically by the caller (QUALITY may sign; never the registrant):
     * the signed record goes into the audit ledger with the approval.
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@code signature-required} (400), {@code
     *     signature-not-allowed} or {@code signature-refused} (403, each an audit entry), {@code
     *     signature-unavailable} (503); {@link ProvisioningProblem#RELEASE_NOT_FOUND}, {@code four-eyes}, {@code
     *     release-state}
     */
    @PostExchange("/{id}/approval")
    ReleaseSummary approveRelease(@PathVariable UUID id, @RequestBody ReleaseDecision decision);

    /**
     * Revokes a release, signed electronically as an approval is; tracking then holds every unit that carries it and
     * is not yet shipped.
     */
    @PostExchange("/{id}/revocation")
    ReleaseSummary revokeRelease(@PathVariable UUID id, @RequestBody ReleaseDecision decision);

    /** The serials whose latest verified flash of the release's module is this release. */
    @GetExchange("/{id}/affected-serials")
    List<Serial> affectedSerials(@PathVariable UUID id);
}
