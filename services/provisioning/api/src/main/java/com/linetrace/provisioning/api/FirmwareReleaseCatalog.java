package com.linetrace.provisioning.api;

import com.linetrace.contracts.Serial;
import java.util.List;
import java.util.UUID;

/**
 * The plant's firmware releases. Registration needs a signature by a trusted release key; approval and revocation
 * are quality's, with a reason. Each method checks the caller's role; a refusal throws
 * {@link ReleaseRefusedException} with the reason in words.
 */
public interface FirmwareReleaseCatalog {

    /** Every release, by model and module, newest first within each. */
    List<ReleaseSummary> releases();

    ReleaseSummary registerRelease(ReleaseRegistration registration, String actor);

    ReleaseSummary approveRelease(UUID id, String reason, String actor);

    /** Revokes a release; tracking then holds every unit that carries it and is not yet shipped. */
    ReleaseSummary revokeRelease(UUID id, String reason, String actor);

    /** The serials whose latest verified flash of the release's module is this release. */
    List<Serial> affectedSerials(UUID id);
}
