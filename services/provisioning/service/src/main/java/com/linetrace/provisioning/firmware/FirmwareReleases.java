package com.linetrace.provisioning.firmware;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Sha256;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.action.AuditAction;
import com.linetrace.contracts.action.AuditActionEvent;
import com.linetrace.contracts.action.DataExported;
import com.linetrace.contracts.action.FirmwareApproved;
import com.linetrace.contracts.action.FirmwareRegistered;
import com.linetrace.contracts.action.FirmwareRevoked;
import com.linetrace.contracts.action.SignedAction;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.contracts.provisioning.FirmwareReleaseRevoked;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.contracts.secrets.PrivateKeyDetector;
import com.linetrace.contracts.secrets.PrivateKeyMaterialException;
import com.linetrace.messaging.Outbox;
import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.provisioning.ProvisioningSettings;
import com.linetrace.provisioning.RequestFields;
import com.linetrace.provisioning.api.FirmwareReleaseCatalog;
import com.linetrace.provisioning.api.ProvisioningProblem;
import com.linetrace.provisioning.api.ReleaseDecision;
import com.linetrace.provisioning.api.ReleaseRegistration;
import com.linetrace.provisioning.api.ReleaseState;
import com.linetrace.provisioning.api.ReleaseSummary;
import com.linetrace.web.ClientOrigin;
import com.linetrace.web.signature.ElectronicSignatures;
import com.linetrace.web.signature.ElectronicSignatures.Signature;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers, approves and revokes firmware releases. A release is registered only with a signature by a trusted
 * release key; approval and revocation are quality's, with a reason and an electronic signature (DD018), and record
 * who and when. Revoking a release tells the plant, unit by unit, which serials carry it. Each of the three is an
 * audit action (who, from where, which image, the signing key's fingerprint, why) in the transaction of the change,
 * and a signed decision's record ({@code ElectronicSignature}) is written with it.
 */
@Service
public class FirmwareReleases implements FirmwareReleaseCatalog {

    /** Who may sign a release's approval or revocation. */
    static final Set<String> SIGNERS = Set.of(Roles.QUALITY);

    private final ReleaseRepository releases;
    private final TrustedReleaseKeys trustedKeys;
    private final Outbox outbox;
    private final ElectronicSignatures signatures;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String plant;

    FirmwareReleases(
            ReleaseRepository releases,
            TrustedReleaseKeys trustedKeys,
            @Qualifier("provisioningMessaging") ServiceMessaging messaging,
            @Qualifier("provisioningSignatures") ElectronicSignatures signatures,
            PlatformTransactionManager transactions,
            Clock provisioningClock,
            ProvisioningSettings settings) {
        this.releases = releases;
        this.trustedKeys = trustedKeys;
        this.outbox = messaging.outbox();
        this.signatures = signatures;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = provisioningClock;
        this.plant = settings.plant();
    }

    @Override
    // The approved images' hashes are for the people who register and approve them, not for the floor.
    @RolesAllowed({Roles.ENGINEER, Roles.QUALITY, Roles.ADMIN})
    public List<ReleaseSummary> releases(@Nullable ReleaseState state) {
        return releases.list(state).stream().map(this::summary).toList();
    }

    @Override
    @RolesAllowed({Roles.ENGINEER, Roles.QUALITY, Roles.ADMIN})
    public ReleaseSummary release(UUID id) {
        return summary(releases.find(id).orElseThrow(() -> notFound(id)));
    }

    @Override
    @RolesAllowed({Roles.ENGINEER, Roles.QUALITY, Roles.ADMIN})
    @Transactional
    public ReleaseSummary registerRelease(ReleaseRegistration registration) {
        refusePrivateKeys(
                registration.model(),
                registration.module(),
                registration.version(),
                registration.sha256(),
                registration.signature());
        var manifest = manifestOf(registration);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(RequestFields.required(registration.signature(), "signature"));
        } catch (IllegalArgumentException e) {
            throw ProvisioningProblem.INVALID_REQUEST.exception("signature must be base64");
        }
        var signer = trustedKeys
                .signerOf(manifest, signature)
                .orElseThrow(() -> ProvisioningProblem.RELEASE_SIGNATURE_INVALID.exception(
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
                caller(),
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
            throw ProvisioningProblem.RELEASE_EXISTS.exception("A release of " + release.model() + " "
                    + release.module() + " with version " + release.version()
                    + " or with this image hash is already registered");
        }
        audit(
                release.registeredBy(),
                new FirmwareRegistered(
                        release.id(),
                        release.model(),
                        release.module().name(),
                        release.version(),
                        release.sha256().hex(),
                        release.sizeBytes(),
                        signer));
        return summary(release);
    }

    /**
     * Signed by the caller: any person's role reaches it, and the signature decides who may sign ({@link #SIGNERS}),
     * so that a refusal of someone not allowed is in the ledger too (DD018). A release that does not exist is said
     * before anyone signs; its state and the four eyes are checked with the release locked, once signed.
     */
    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public ReleaseSummary approveRelease(UUID id, ReleaseDecision decision) {
        refusePrivateKeys(decision.reason());
        var why = RequestFields.reason(decision.reason()).strip();
        requireKnown(id);
        var signature =
                signatures.sign(SignedAction.FIRMWARE_APPROVAL, id.toString(), null, decision.signature(), SIGNERS);
        return Objects.requireNonNull(transaction.execute(status -> approve(id, why, signature)));
    }

    private ReleaseSummary approve(UUID id, String why, Signature signature) {
        var actor = signature.signer();
        var release = lockedRelease(id);
        requireApprovable(release, actor);
        var signer = currentSigner(release)
                .orElseThrow(() -> ProvisioningProblem.RELEASE_SIGNATURE_INVALID.exception("The signature of release "
                        + release.label() + " no longer verifies against a trusted release key"));
        releases.approve(id, actor, signature.signedAt(), why);
        audit(
                actor,
                new FirmwareApproved(
                        id,
                        release.model(),
                        release.module().name(),
                        release.version(),
                        release.sha256().hex(),
                        release.registeredBy(),
                        signer,
                        why));
        signature.record(why);
        return summary(releases.find(id).orElseThrow());
    }

    private void requireKnown(UUID id) {
        if (releases.find(id).isEmpty()) {
            throw notFound(id);
        }
    }

    private static void requireApprovable(FirmwareRelease release, String actor) {
        if (release.state() != ReleaseState.DRAFT) {
            throw ProvisioningProblem.RELEASE_STATE.exception(
                    "Release " + release.label() + " is " + release.state() + "; only a DRAFT can be approved");
        }
        if (release.registeredBy().equals(actor)) {
            throw ProvisioningProblem.FOUR_EYES.exception("Release " + release.label() + " was registered by " + actor
                    + ": registration and approval must be by two different people (four eyes)."
                    + " Ask another member of quality to approve it");
        }
    }

    private static void requireRevocable(FirmwareRelease release) {
        if (release.state() == ReleaseState.REVOKED) {
            throw ProvisioningProblem.RELEASE_STATE.exception("Release " + release.label() + " is already revoked");
        }
    }

    /**
     * Revokes a release and emits {@link FirmwareReleaseRevoked} for every unit that carries it; signed by the caller
     * as an approval is.
     */
    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public ReleaseSummary revokeRelease(UUID id, ReleaseDecision decision) {
        refusePrivateKeys(decision.reason());
        var why = RequestFields.reason(decision.reason()).strip();
        requireKnown(id);
        var signature =
                signatures.sign(SignedAction.FIRMWARE_REVOCATION, id.toString(), null, decision.signature(), SIGNERS);
        return Objects.requireNonNull(transaction.execute(status -> revoke(id, why, signature)));
    }

    private ReleaseSummary revoke(UUID id, String why, Signature signature) {
        var actor = signature.signer();
        var release = lockedRelease(id);
        requireRevocable(release);
        var now = signature.signedAt();
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
        audit(
                actor,
                new FirmwareRevoked(
                        id,
                        release.model(),
                        release.module().name(),
                        release.version(),
                        release.sha256().hex(),
                        release.state().name(),
                        carrying.size(),
                        why));
        signature.record(why);
        return summary(releases.find(id).orElseThrow());
    }

    /** A recall's scope, as many serials as carry the release: a bulk read, so an audit action with how many. */
    @Override
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    @Transactional
    public List<Serial> affectedSerials(UUID id) {
        requireKnown(id);
        var serials = releases.unitsCarrying(id).stream()
                .map(ReleaseRepository.CarryingUnit::serial)
                .toList();
        audit(
                caller(),
                new DataExported("release-affected-serials", "json", "releaseId=" + id, serials.size(), null, null));
        return serials;
    }

    /** The id of the currently trusted key that signed the release, if one still does. */
    private Optional<String> currentSigner(FirmwareRelease release) {
        return trustedKeys.signerOf(release.manifest(), release.signatureBytes());
    }

    /** A person's decision on the audit topic, in the transaction that records it. */
    private void audit(String actor, AuditAction action) {
        outbox.append(new AuditActionEvent(
                EventIds.next(),
                AuditAction.SCHEMA_VERSION,
                clock.instant(),
                plant,
                actor,
                ClientOrigin.current(),
                action));
    }

    /** The signed-in user: the UI's in process, the request's over HTTP. */
    private static String caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new AccessDeniedException("Sign in to change firmware releases");
        }
        return authentication.getName();
    }

    private static ProblemException notFound(UUID id) {
        return ProvisioningProblem.RELEASE_NOT_FOUND.exception("No firmware release " + id);
    }

    private ReleaseSummary summary(FirmwareRelease release) {
        var signer = currentSigner(release);
        return new ReleaseSummary(
                release.id(),
                release.state(),
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

    /**
     * The one detector on every field, whichever way it came (REST body, UI form): free text included. Its refusal is
     * provisioning's problem like any other, for the in-process caller too.
     */
    private static void refusePrivateKeys(@Nullable String... fields) {
        try {
            for (var field : fields) {
                PrivateKeyDetector.refuseIfPresent(field);
            }
        } catch (PrivateKeyMaterialException e) {
            throw ProvisioningProblem.PRIVATE_KEY_MATERIAL.exception(String.valueOf(e.getMessage()));
        }
    }

    private FirmwareRelease lockedRelease(UUID id) {
        return releases.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    private static ReleaseManifest manifestOf(ReleaseRegistration r) {
        try {
            return new ReleaseManifest(
                    RequestFields.required(r.model(), "model"),
                    FirmwareModuleNames.parse(RequestFields.required(r.module(), "module")),
                    RequestFields.required(r.version(), "version"),
                    Sha256.parse(RequestFields.required(r.sha256(), "sha256")),
                    r.size());
        } catch (IllegalArgumentException e) {
            throw ProvisioningProblem.INVALID_REQUEST.exception(String.valueOf(e.getMessage()));
        }
    }
}
