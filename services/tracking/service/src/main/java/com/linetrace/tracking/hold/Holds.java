package com.linetrace.tracking.hold;

import com.linetrace.contracts.EventIds;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.Text;
import com.linetrace.contracts.Topics;
import com.linetrace.contracts.WorkOrderNumber;
import com.linetrace.contracts.line.LineEvent;
import com.linetrace.contracts.line.LineEventEnvelope;
import com.linetrace.contracts.line.LotQuarantineLifted;
import com.linetrace.contracts.line.LotQuarantined;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.UnitReleased;
import com.linetrace.contracts.unit.UnitScrapped;
import com.linetrace.messaging.Outbox;
import com.linetrace.tracking.TrackingSettings;
import com.linetrace.tracking.api.HoldRefusedException;
import com.linetrace.tracking.api.UnitHolds.Outcome;
import com.linetrace.tracking.material.MaterialRepository;
import com.linetrace.tracking.route.MasterData;
import com.linetrace.tracking.unit.UnitEvents;
import com.linetrace.tracking.unit.UnitRepository;
import com.linetrace.tracking.unit.UnitState;
import com.linetrace.web.signature.ElectronicSignatures.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stops units: holds (by a person or a rule), releases (quality only, with a reason), scrap (final), and lot
 * quarantine, which holds every unit containing the lot and refuses the lot at every station. Each change is a
 * unit event in the same transaction; a quarantine and its lift are also a line event for every line of the plant
 * (a quarantine is plant-wide, and each line's andon hears of it).
 */
@Service
class Holds {

    private final UnitRepository units;
    private final MaterialRepository materials;
    private final UnitEvents events;
    private final MasterData masterData;
    private final Outbox outbox;
    private final TrackingSettings settings;
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));

    Holds(
            UnitRepository units,
            MaterialRepository materials,
            UnitEvents events,
            MasterData masterData,
            @Qualifier("trackingOutbox") Outbox outbox,
            TrackingSettings settings) {
        this.units = units;
        this.materials = materials;
        this.events = events;
        this.masterData = masterData;
        this.outbox = outbox;
        this.settings = settings;
    }

    @Transactional
    Outcome hold(List<String> serials, String reason, String actor) {
        var held = new ArrayList<String>();
        var skipped = new ArrayList<String>();
        for (var text : serials) {
            if (Serial.problemWith(text) == null && holdOne(Serial.parse(text), reason(reason), actor)) {
                held.add(text);
            } else {
                skipped.add(text);
            }
        }
        return new Outcome(held, skipped);
    }

    @Transactional
    Outcome holdWorkOrder(WorkOrderNumber workOrder, String reason, String actor) {
        var serials = units.ofWorkOrder(workOrder.value());
        if (serials.isEmpty()) {
            throw new HoldRefusedException("No work order " + workOrder + " with units");
        }
        return hold(serials.stream().map(Serial::value).toList(), reason, actor);
    }

    /** Quarantines a lot: refused at every station from now on, and every unit containing it is held. */
    @Transactional
    Outcome quarantineLot(String partNumber, String lot, String reason, String actor) {
        var why = reason(reason);
        // Before any unit lock: an installation of the lot running now finishes first and its unit is held below,
        // or it starts after this commits and sees the quarantine.
        materials.lockLot(partNumber, lot);
        var at = clock.instant();
        boolean quarantined = materials.quarantine(partNumber, lot, why, actor, at);
        var outcome = hold(
                materials.unitsContaining(partNumber, lot),
                "lot " + lot + " of " + partNumber + " quarantined: " + why,
                actor);
        // A repeat of a quarantine in force changes nothing the lines need to hear again.
        if (quarantined) {
            toEveryLine(
                    actor,
                    at,
                    new LotQuarantined(partNumber, lot, why, outcome.held().size()));
        }
        return outcome;
    }

    /**
     * Lifts a lot's quarantine, with a reason; the units it held stay held until quality releases each. False when the
     * lot was not quarantined.
     */
    @Transactional
    boolean liftQuarantine(String partNumber, String lot, String reason, String actor) {
        var why = reason(reason);
        if (!materials.lift(partNumber, lot)) {
            return false;
        }
        toEveryLine(actor, clock.instant(), new LotQuarantineLifted(partNumber, lot, why));
        return true;
    }

    /** A line event for each line of the plant, keyed by the line, in the transaction of the change. */
    private void toEveryLine(String actor, Instant at, LineEvent body) {
        for (var line : masterData.lines()) {
            var event = new LineEventEnvelope(
                    EventIds.next(), LineEvent.SCHEMA_VERSION, at, settings.plant(), line.id(), null, actor, body);
            outbox.append(
                    Topics.LINE_EVENTS,
                    line.id(),
                    event.eventId(),
                    LineEvent.CODEC.typeOf(body),
                    LineEvent.CODEC.encode(event),
                    at);
        }
    }

    /** Releases a held unit, and records the signature on it in the same transaction. */
    @Transactional
    void release(String serialText, String reason, Signature signature) {
        var why = reason(reason);
        var unit = lockKnown(serialText);
        if (!unit.held()) {
            throw new HoldRefusedException("Unit " + serialText + " is not on hold");
        }
        var at = clock.instant();
        units.release(unit.serial(), at);
        events.publish(unit.serial(), unit.lineId(), null, signature.signer(), at, new UnitReleased(why));
        signature.record(why);
    }

    /** Scraps a unit, and records the signature on it in the same transaction. */
    @Transactional
    void scrap(String serialText, String reason, Signature signature) {
        scrap(serialText, reason, signature.signer());
        signature.record(reason(reason));
    }

    private void scrap(String serialText, String reason, String actor) {
        var unit = lockKnown(serialText);
        if (unit.status() == UnitState.Status.SCRAPPED) {
            throw new HoldRefusedException("Unit " + serialText + " is already scrapped");
        }
        if (unit.status() == UnitState.Status.COMPLETED) {
            throw new HoldRefusedException("Unit " + serialText + " is completed; hold it instead");
        }
        var at = clock.instant();
        units.scrap(unit.serial(), reason(reason), at);
        events.publish(unit.serial(), unit.lineId(), null, actor, at, new UnitScrapped(reason(reason)));
    }

    /**
     * Holds one unit by a rule (a revoked firmware, a duplicate key): no role check, the caller is the plant
     * itself. Must run in the caller's transaction. False when the unit is unknown or scrapped.
     */
    public boolean holdOne(Serial serial, String reason, String actor) {
        var unit = units.lock(serial);
        if (unit.isEmpty() || unit.get().status() == UnitState.Status.SCRAPPED) {
            return false;
        }
        var at = clock.instant();
        units.hold(serial, reason, at);
        events.publish(serial, unit.get().lineId(), null, actor, at, new UnitHeld(reason));
        return true;
    }

    /** Refuses a malformed serial in words, before anything is signed about it. */
    static void requireSerial(String serialText) {
        var problem = Serial.problemWith(serialText);
        if (problem != null) {
            throw new HoldRefusedException("Malformed serial: " + problem);
        }
    }

    private UnitState lockKnown(String serialText) {
        requireSerial(serialText);
        return units.lock(Serial.parse(serialText)).orElseThrow(() -> HoldRefusedException.unknownSerial(serialText));
    }

    /** The one check of a reason, whichever way it came (HTTP, the UI in-process, a rule). */
    static String reason(String reason) {
        var text = reason == null ? "" : reason.strip();
        if (text.length() < 3 || text.length() > 500) {
            throw new HoldRefusedException("A reason of 3 to 500 characters is required");
        }
        var problem = Text.problemWith(text, 500);
        if (problem != null) {
            throw new HoldRefusedException("The reason " + problem);
        }
        return text;
    }
}
