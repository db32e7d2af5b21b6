package com.linetrace.provisioning.firmware;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.provisioning.FirmwareReleaseRevoked;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.contracts.secrets.PrivateKeyDetector;
import com.linetrace.contracts.secrets.PrivateKeyMaterialException;
import com.linetrace.messaging.Outbox;
import com.linetrace.provisioning.Problem;
import com.linetrace.provisioning.ProblemException;
import com.linetrace.provisioning.api.FirmwareReleaseCatalog;
import com.linetrace.provisioning.api.ReleaseRefusedException;
import com.linetrace.provisioning.api.ReleaseRegistration;
import com.linetrace.provisioning.api.ReleaseSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, approves and revokes firmware releases. A release is registered only with a signature by a trusted
 * release key; approval and revocation are quality's, with a reason, and record who and when. Revoking a
 * release tells the plant, unit by unit, which serials carry it.
 */
@Service
public class FirmwareReleases implements FirmwareReleaseCatalog {

    private final ReleaseRepository releases;
    private final TrustedReleaseKeys trustedKeys;
    private final Outbox outbox;
    private final Clock clock;

    FirmwareReleases(
            ReleaseRepository releases,
            TrustedReleaseKeys trustedKeys,
            @Qualifier("provisioningOutbox") Outbox outbox,
            Clock provisioningClock) {
        this.releases = releases;
        this.trustedKeys = trustedKeys;
        this.outbox = outbox;
        this.clock = provisioningClock;
    }

    /** What a release tool submits: the manifest's fields and the base64 Ed25519 signature over its canonical form. */
    public record Registration(
            String model, String module, String version, String sha256, long size, String signature) {}

    @RolesAllowed({Roles.ENGINEER, Roles.QUALITY, Roles.ADMIN})
    @Transactional
    public FirmwareRelease register(Registration registration, String actor) {
        refusePrivateKeys(
                registration.model(),
                registration.module(),
                registration.version(),
                registration.sha256(),
                registration.signature());
        var manifest = manifestOf(registration);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(ProblemException.required(registration.signature(), "signature"));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.INVALID_REQUEST, "signature must be base64");
        }
        var signer = trustedKeys
                .signerOf(manifest, signature)
                .orElseThrow(() -> new ProblemException(
                        Problem.RELEASE_SIGNATURE_INVALID,
                        "The signature does not verify against any trusted release key over the canonical manifest"
                                + " of " + manifest.model() + " " + manifest.module() + " " + manifest.version()));
        var release = new FirmwareRelease(
                EventIds.next(),
                manifest.model(),
                manifest.module(),
                manifest.version(),
                manifest.sha256(),
                manifest.sizeBytes(),
                Base64.getEncoder().encodeToString(signature),
                signer,
                ReleaseState.DRAFT,
                actor,
                clock.instant(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        try {
            releases.insert(release);
        } catch (DuplicateKeyException e) {
            throw new ProblemException(
                    Problem.RELEASE_EXISTS,
                    "A release of " + release.model() + " " + release.module() + " with version " + release.version()
                            + " or with this image hash is already registered");
        }
        return release;
    }

    @RolesAllowed(Roles.QUALITY)
    @Transactional
    public FirmwareRelease approve(UUID id, @Nullable String reason, String actor) {
        refusePrivateKeys(reason);
        var why = ProblemException.reason(reason);
        var release = lockedRelease(id);
        if (release.state() != ReleaseState.DRAFT) {
            throw new ProblemException(
                    Problem.RELEASE_STATE,
                    "Release " + release.label() + " is " + release.state() + "; only a DRAFT can be approved");
        }
        if (release.registeredBy().equals(actor)) {
            throw new ProblemException(
                    Problem.FOUR_EYES,
                    "Release " + release.label() + " was registered by " + actor
                            + ": registration and approval must be by two different people (four eyes)."
                            + " Ask another member of quality to approve it");
        }
        if (!signatureValid(release)) {
            throw new ProblemException(
                    Problem.RELEASE_SIGNATURE_INVALID,
                    "The signature of release " + release.label()
                            + " no longer verifies against a trusted release key");
        }
        releases.approve(id, actor, clock.instant(), why);
        return releases.find(id).orElseThrow();
    }

    /** Revokes a release and emits {@link FirmwareReleaseRevoked} for every unit that carries it. */
    @RolesAllowed(Roles.QUALITY)
    @Transactional
    public FirmwareRelease revoke(UUID id, @Nullable String reason, String actor) {
        refusePrivateKeys(reason);
        var why = ProblemException.reason(reason);
        var release = lockedRelease(id);
        if (release.state() == ReleaseState.REVOKED) {
            throw new ProblemException(Problem.RELEASE_STATE, "Release " + release.label() + " is already revoked");
        }
        var now = clock.instant();
        var carrying = releases.unitsCarrying(id);
        for (var unit : carrying) {
            outbox.append(
                    Topics.PROVISIONING_EVENTS,
                    ProvisioningEvent.CODEC,
                    new EventEnvelope<ProvisioningEvent>(
                            EventIds.next(),
                            ProvisioningEvent.SCHEMA_VERSION,
                            now,
                            unit.plant(),
                            unit.line(),
                            null,
                            unit.serial(),
                            actor,
                            new FirmwareReleaseRevoked(
                                    id, release.model(), release.module(), release.version(), release.sha256(), why)));
        }
        releases.revoke(id, actor, now, why, carrying.size());
        return releases.find(id).orElseThrow();
    }

    public Optional<FirmwareRelease> find(UUID id) {
        return releases.find(id);
    }

    public List<FirmwareRelease> list(@Nullable ReleaseState state) {
        return releases.list(state);
    }

    /** The serials that carry the release now (their latest verified flash of its module is this release). */
    public List<Serial> unitsCarrying(UUID id) {
        return releases.unitsCarrying(id).stream()
                .map(ReleaseRepository.CarryingUnit::serial)
                .toList();
    }

    /** The id of the currently trusted key that signed the release, if one still does. */
    public Optional<String> currentSigner(FirmwareRelease release) {
        return trustedKeys.signerOf(release.manifest(), release.signatureBytes());
    }

    // The api for in-process callers (the UI). The proxy applies roles and transactions to these methods, not to
    // the ones they call on this; so each carries its own, the same as the method it delegates to.

    @Override
    // The approved images' hashes are for the people who register and approve them, not for the floor.
    @RolesAllowed({Roles.ENGINEER, Roles.QUALITY, Roles.ADMIN})
    public List<ReleaseSummary> releases() {
        return list(null).stream().map(this::summary).toList();
    }

    @Override
    @RolesAllowed({Roles.ENGINEER, Roles.QUALITY, Roles.ADMIN})
    @Transactional
    public ReleaseSummary registerRelease(ReleaseRegistration registration, String actor) {
        return refusedInWords(() -> summary(register(
                new Registration(
                        registration.model(),
                        registration.module(),
                        registration.version(),
                        registration.sha256(),
                        registration.sizeBytes(),
                        registration.signature()),
                actor)));
    }

    @Override
    @RolesAllowed(Roles.QUALITY)
    @Transactional
    public ReleaseSummary approveRelease(UUID id, String reason, String actor) {
        return refusedInWords(() -> summary(approve(id, blankToNull(reason), actor)));
    }

    @Override
    @RolesAllowed(Roles.QUALITY)
    @Transactional
    public ReleaseSummary revokeRelease(UUID id, String reason, String actor) {
        return refusedInWords(() -> summary(revoke(id, blankToNull(reason), actor)));
    }

    @Override
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public List<Serial> affectedSerials(UUID id) {
        if (find(id).isEmpty()) {
            throw new ReleaseRefusedException("No firmware release " + id);
        }
        return unitsCarrying(id);
    }

    private ReleaseSummary summary(FirmwareRelease release) {
        var signer = currentSigner(release);
        return new ReleaseSummary(
                release.id(),
                release.state().name(),
                release.model(),
                release.module().name(),
                release.version(),
                release.sha256().hex(),
                release.sizeBytes(),
                release.registeredBy(),
                release.registeredAt(),
                release.approvedBy(),
                release.approvedAt(),
                release.approvalReason(),
                release.revokedBy(),
                release.revokedAt(),
                release.revocationReason(),
                release.affectedSerials(),
                signer.isPresent(),
                signer.orElse(null));
    }

    private static <T> T refusedInWords(Supplier<T> request) {
        try {
            return request.get();
        } catch (ProblemException | PrivateKeyMaterialException e) {
            throw new ReleaseRefusedException(e.getMessage());
        }
    }

    /** The one detector on every field, whichever way it came (REST body, UI form): free text included. */
    private static void refusePrivateKeys(@Nullable String... fields) {
        for (var field : fields) {
            PrivateKeyDetector.refuseIfPresent(field);
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private boolean signatureValid(FirmwareRelease release) {
        return currentSigner(release).isPresent();
    }

    private FirmwareRelease lockedRelease(UUID id) {
        return releases.findForUpdate(id)
                .orElseThrow(() -> new ProblemException(Problem.RELEASE_NOT_FOUND, "No firmware release " + id));
    }

    private static ReleaseManifest manifestOf(Registration r) {
        try {
            return new ReleaseManifest(
                    ProblemException.required(r.model(), "model"),
                    FirmwareModuleNames.parse(ProblemException.required(r.module(), "module")),
                    ProblemException.required(r.version(), "version"),
                    com.linetrace.contracts.Sha256.parse(ProblemException.required(r.sha256(), "sha256")),
                    r.size());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.INVALID_REQUEST, e.getMessage());
        }
    }
}
