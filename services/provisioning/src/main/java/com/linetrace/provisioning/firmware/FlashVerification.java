package com.linetrace.provisioning.firmware;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.equipment.FlashReported;
import com.linetrace.contracts.provisioning.FirmwareRejected;
import com.linetrace.contracts.provisioning.FirmwareVerified;
import com.linetrace.contracts.provisioning.ProvisioningEvent;
import com.linetrace.messaging.Outbox;
import com.linetrace.provisioning.api.UnitFlashes;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies a reported flash: the written image must be an APPROVED release of the unit's model and that module,
 * of the reported version, signed by a key trusted now, and the device must have read back what was written.
 * Records the flash and emits {@code FirmwareVerified} or {@code FirmwareRejected} in one transaction.
 */
@Service
public class FlashVerification implements UnitFlashes {

    private final ReleaseRepository releases;
    private final FlashRepository flashes;
    private final TrustedReleaseKeys trustedKeys;
    private final Outbox outbox;
    private final Clock clock;

    FlashVerification(
            ReleaseRepository releases,
            FlashRepository flashes,
            TrustedReleaseKeys trustedKeys,
            @Qualifier("provisioningOutbox") Outbox outbox,
            Clock provisioningClock) {
        this.releases = releases;
        this.flashes = flashes;
        this.trustedKeys = trustedKeys;
        this.outbox = outbox;
        this.clock = provisioningClock;
    }

    @Transactional
    public FlashVerdict verify(EventEnvelope<FlashReported> event) {
        var flash = event.body();
        var release = releases.findByImageForShare(flash.model(), flash.module(), flash.sha256Written());
        var verdict = decide(flash, release);
        flashes.insert(event, verdict);
        ProvisioningEvent outcome = verdict.verdict() == FlashVerdict.Verdict.VERIFIED
                ? new FirmwareVerified(
                        release.orElseThrow().id(),
                        flash.model(),
                        flash.module(),
                        flash.version(),
                        flash.sha256Written(),
                        flash.fixtureId())
                : new FirmwareRejected(
                        flash.module(), flash.version(), flash.sha256Written(), verdict.code(), verdict.message());
        outbox.append(
                Topics.PROVISIONING_EVENTS,
                ProvisioningEvent.CODEC,
                new EventEnvelope<>(
                        EventIds.next(),
                        ProvisioningEvent.SCHEMA_VERSION,
                        clock.instant(),
                        event.plant(),
                        event.line(),
                        event.station(),
                        event.serial(),
                        event.actor(),
                        outcome));
        return verdict;
    }

    @Override
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public List<FlashRecord> flashes(Serial serial) {
        return flashes.ofSerial(serial);
    }

    private FlashVerdict decide(FlashReported flash, Optional<FirmwareRelease> found) {
        if (found.isEmpty()) {
            return FlashVerdict.rejected(
                    FirmwareRejected.Code.UNKNOWN_IMAGE,
                    "No release of " + flash.model() + " " + flash.module() + " has the image hash "
                            + flash.sha256Written(),
                    null);
        }
        var release = found.get();
        if (!release.version().equals(flash.version())) {
            return FlashVerdict.rejected(
                    FirmwareRejected.Code.VERSION_MISMATCH,
                    "The image written is release " + release.version() + ", not the reported version "
                            + flash.version(),
                    release.id());
        }
        if (release.state() == ReleaseState.REVOKED) {
            return FlashVerdict.rejected(
                    FirmwareRejected.Code.RELEASE_REVOKED,
                    "Release " + release.label() + " was revoked: " + release.revocationReason(),
                    release.id());
        }
        if (release.state() != ReleaseState.APPROVED) {
            return FlashVerdict.rejected(
                    FirmwareRejected.Code.NOT_APPROVED,
                    "Release " + release.label() + " is not approved by quality",
                    release.id());
        }
        if (trustedKeys.signerOf(release.manifest(), release.signatureBytes()).isEmpty()) {
            return FlashVerdict.rejected(
                    FirmwareRejected.Code.SIGNATURE_INVALID,
                    "The signature of release " + release.label() + " does not verify against any trusted release key",
                    release.id());
        }
        if (!flash.sha256ReadBack().equals(flash.sha256Written())) {
            return FlashVerdict.rejected(
                    FirmwareRejected.Code.READ_BACK_MISMATCH,
                    "The device read back " + flash.sha256ReadBack() + ", not the written " + flash.sha256Written(),
                    release.id());
        }
        return FlashVerdict.verified(release);
    }
}
