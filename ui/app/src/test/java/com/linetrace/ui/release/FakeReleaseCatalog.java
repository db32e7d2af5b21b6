package com.linetrace.ui.release;

import com.linetrace.contracts.Serial;
import com.linetrace.identity.api.SignatureProblem;
import com.linetrace.provisioning.api.FirmwareReleaseCatalog;
import com.linetrace.provisioning.api.ProvisioningProblem;
import com.linetrace.provisioning.api.ReleaseDecision;
import com.linetrace.provisioning.api.ReleaseRegistration;
import com.linetrace.provisioning.api.ReleaseState;
import com.linetrace.provisioning.api.ReleaseSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;

/** Provisioning's releases as the view sees them: a signature is "valid" when it is the text {@code c2lnbmVk}. */
class FakeReleaseCatalog implements FirmwareReleaseCatalog {

    static final String GOOD_SIGNATURE = "c2lnbmVk";

    final List<ReleaseSummary> releases = new ArrayList<>();
    final Map<UUID, List<Serial>> carrying = new HashMap<>();

    ReleaseSummary add(String state, String version, boolean signatureValid) {
        var release = new ReleaseSummary(
                UUID.randomUUID(),
                ReleaseState.valueOf(state),
                "AX4-ENT",
                "FLIGHT_CONTROLLER",
                version,
                "ab".repeat(32),
                1_048_576,
                "engineer",
                Instant.parse("2026-11-20T08:00:00Z"),
                state.equals("DRAFT") ? null : "quality",
                state.equals("DRAFT") ? null : Instant.parse("2026-11-21T08:00:00Z"),
                state.equals("DRAFT") ? null : "Bench tests passed",
                state.equals("REVOKED") ? "quality" : null,
                state.equals("REVOKED") ? Instant.parse("2026-11-24T08:00:00Z") : null,
                state.equals("REVOKED") ? "Motor desync at low voltage" : null,
                state.equals("REVOKED") ? 2 : null,
                signatureValid,
                signatureValid ? "release-2026" : null);
        releases.add(release);
        return release;
    }

    @Override
    public List<ReleaseSummary> releases(@Nullable ReleaseState state) {
        return releases.stream()
                .filter(r -> state == null || r.state() == state)
                .toList();
    }

    @Override
    public ReleaseSummary release(UUID id) {
        return releases.stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> ProvisioningProblem.RELEASE_NOT_FOUND.exception("No firmware release " + id));
    }

    /** As identity checks a signature: the demo password (the user's name) re-entered, or refused. */
    private static void requireSigned(ReleaseDecision decision) {
        if (decision.signature() == null) {
            throw SignatureProblem.SIGNATURE_REQUIRED.exception("This decision needs your electronic signature");
        }
        if (!decision.signature().password().equals(caller())) {
            throw SignatureProblem.SIGNATURE_REFUSED.exception("The password is not yours: nothing was signed");
        }
    }

    /** The signed-in user, as the real catalog takes it. */
    private static String caller() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    @Override
    public ReleaseSummary registerRelease(ReleaseRegistration registration) {
        if (!registration.signature().equals(GOOD_SIGNATURE)) {
            throw ProvisioningProblem.RELEASE_SIGNATURE_INVALID.exception(
                    "The signature does not verify against any trusted release key over"
                            + " the canonical manifest of " + registration.model() + " " + registration.module() + " "
                            + registration.version());
        }
        var release = new ReleaseSummary(
                UUID.randomUUID(),
                ReleaseState.DRAFT,
                registration.model(),
                registration.module(),
                registration.version(),
                registration.sha256(),
                registration.size(),
                caller(),
                Instant.now(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                true,
                "release-2026");
        releases.add(release);
        return release;
    }

    @Override
    public ReleaseSummary approveRelease(UUID id, ReleaseDecision decision) {
        requireSigned(decision);
        return replace(id, ReleaseState.APPROVED, caller(), String.valueOf(decision.reason()));
    }

    @Override
    public ReleaseSummary revokeRelease(UUID id, ReleaseDecision decision) {
        requireSigned(decision);
        return replace(id, ReleaseState.REVOKED, caller(), String.valueOf(decision.reason()));
    }

    @Override
    public List<Serial> affectedSerials(UUID id) {
        return carrying.getOrDefault(id, List.of());
    }

    private ReleaseSummary replace(UUID id, ReleaseState state, String actor, String reason) {
        var old = releases.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        var now = Instant.now();
        var approved = state == ReleaseState.APPROVED;
        var updated = new ReleaseSummary(
                id,
                state,
                old.model(),
                old.module(),
                old.version(),
                old.sha256(),
                old.sizeBytes(),
                old.registeredBy(),
                old.registeredAt(),
                approved ? actor : old.approvedBy(),
                approved ? now : old.approvedAt(),
                approved ? reason : old.approvalReason(),
                approved ? null : actor,
                approved ? null : now,
                approved ? null : reason,
                approved ? null : carrying.getOrDefault(id, List.of()).size(),
                old.signatureValid(),
                old.signedBy());
        releases.set(releases.indexOf(old), updated);
        return updated;
    }
}
