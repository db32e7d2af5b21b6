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
import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.provisioning.api.ProvisioningProblem;
import com.linetrace.provisioning.api.ReleaseState;
import com.linetrace.provisioning.api.UnitFlashes;
import com.linetrace.provisioning.unit.UnitLocations;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies a reported flash. The unit must be checked in now at the reporting station, a {@code FIRMWARE_FLASH}
 * station of its line (as tracking's unit events told), or the report is refused and changes nothing. Then the
 * written image must be an APPROVED release of the unit's own model and that module, of the reported version, signed
 * by a key trusted now, and the device must have read back what was written. Records the flash and emits
 * {@code FirmwareVerified} or {@code FirmwareRejected} in one transaction.
 */
@Service
public class FlashVerification implements UnitFlashes {

    private final ReleaseRepository releases;
    private final FlashRepository flashes;
    private final TrustedReleaseKeys trustedKeys;
    private final UnitLocations units;
    private final Outbox outbox;
    private final Clock clock;

    static final String FLASH_STATION = "FIRMWARE_FLASH";

    FlashVerification(
            ReleaseRepository releases,
            FlashRepository flashes,
            TrustedReleaseKeys trustedKeys,
            UnitLocations units,
            @Qualifier("provisioningMessaging") ServiceMessaging messaging,
            Clock provisioningClock) {
        this.units = units;
        this.releases = releases;
        this.flashes = flashes;
        this.trustedKeys = trustedKeys;
        this.outbox = messaging.outbox();
        this.clock = provisioningClock;
    }

    @Transactional
    public FlashVerdict verify(EventEnvelope<FlashReported> event) {
        var flash = event.body();
        var unit = atFlashStation(event);
        var release = releases.findByImageForShare(flash.model(), flash.module(), flash.sha256Written());
        var verdict = unit.equals(flash.model())
                ? decide(flash, release)
                : FlashVerdict.rejected(
                        FirmwareRejected.Code.MODEL_MISMATCH,
                        "Unit " + event.serial() + " is a " + unit + ", not a " + flash.model()
                                + ": a release of another model was flashed",
                        release.map(FirmwareRelease::id).orElse(null));
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

    /**
     * The unit's model, if the unit is checked in at the reporting station and that is a flash station of its line;
     * otherwise the report is refused.
     */
    private String atFlashStation(EventEnvelope<FlashReported> event) {
        var unit = units.find(event.serial()).orElse(null);
        if (unit == null || !unit.checkedInAt(event.line(), event.station(), FLASH_STATION)) {
            throw ProvisioningProblem.UNIT_NOT_AT_STATION.exception(
                    "Unit " + event.serial() + " is not checked in at " + FLASH_STATION + " station "
                            + event.station() + " of line " + event.line() + ": it "
                            + (unit == null ? "has not been seen on the line" : unit.whereabouts())
                            + ". Check it in there first; nothing was recorded");
        }
        if (unit.model() == null) {
            throw ProvisioningProblem.UNIT_NOT_AT_STATION.exception(
                    "The model of unit " + event.serial() + " is not known yet; nothing was recorded");
        }
        return unit.model();
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
