package com.linetrace.tracking.station;

import com.linetrace.contracts.Serial;
import com.linetrace.tracking.Caller;
import com.linetrace.tracking.TrackingSettings;
import com.linetrace.tracking.api.Refusal;
import com.linetrace.tracking.api.ScanIdReusedException;
import com.linetrace.tracking.api.ScanVerdict;
import com.linetrace.tracking.api.ScanVerdict.Action;
import com.linetrace.tracking.route.Station;
import com.linetrace.tracking.unit.Interlock;
import com.linetrace.tracking.unit.UnitRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transaction every scan runs in (DD007): the scan id looked up first, then the unit's row locked, the rule
 * decided, the verdict recorded and the events written to the outbox, all in one transaction. So a scan sent twice
 * is recorded once, and two stations scanning one unit at the same moment are served one after the other and never
 * both succeed.
 */
@Component
class ScanTransaction {

    private final ScanRepository scans;
    private final UnitRepository units;
    private final TransactionTemplate transactions;
    private final TrackingSettings settings;
    // PostgreSQL keeps microseconds: a verdict read back must equal the one answered.
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));

    ScanTransaction(
            ScanRepository scans, UnitRepository units, TransactionTemplate transactions, TrackingSettings settings) {
        this.scans = scans;
        this.units = units;
        this.transactions = transactions;
        this.settings = settings;
    }

    /**
     * Runs one scan in a transaction: a scan id seen before at this station for this action gets its first answer
     * when the request is the same, and is refused (409) when it is not; a malformed barcode, a worker whose role
     * the station excludes or an unknown serial is refused; a repeat of the station's last scan within the
     * debounce window (a bouncing scanner) gets that scan's answer; otherwise {@code rule} decides with the unit
     * locked. {@code serialise} runs first in the transaction, before the unit is locked, for locks that must come
     * before it.
     *
     * @param request what the worker asked, as text: with the actor, what a reused scan id must match
     */
    ScanVerdict run(
            Station station,
            UUID scanId,
            Action action,
            String serialText,
            String scanned,
            String request,
            String actor,
            Runnable serialise,
            Function<Scan, ScanVerdict> rule) {
        var serialInput = storable(serialText);
        var text = storable(scanned);
        var digest = ScanRepository.digest(actor, request);
        var roleRefusal = Interlock.mayWorkAt(station, Caller.roles());
        var verdict = transactions.execute(status -> {
            var earlier = scans.find(station.id(), action, scanId);
            if (earlier.isPresent()) {
                return sameRequest(earlier.get(), digest);
            }
            serialise.run();
            var now = clock.instant();
            var scan = new Scan(scanId, station, action, actor, now, null, null);
            var problem = Serial.problemWith(serialInput);
            ScanVerdict answer;
            if (problem != null) {
                answer = scan.rejected(Refusal.MALFORMED_BARCODE, "Malformed barcode: " + problem, null);
            } else if (roleRefusal.isPresent()) {
                answer = scan.withSerial(Serial.parse(serialInput).value())
                        .rejected(roleRefusal.get().refusal(), roleRefusal.get().message(), null);
            } else {
                var serial = Serial.parse(serialInput);
                var unit = units.lock(serial);
                if (unit.isEmpty()) {
                    answer = scan.withSerial(serial.value())
                            .rejected(
                                    Refusal.UNKNOWN_SERIAL,
                                    "Unknown serial " + serial + ": no work order issued it",
                                    null);
                } else {
                    // Only a check-in can bounce: part scans repeat one lot label on purpose, and check-outs come
                    // from buttons with their own scan id. A bounce is the unit's very last scan at this station.
                    var bounce = action == Action.CHECK_IN
                            ? scans.latestOfUnit(station.id(), serial.value(), settings.debounce(), now)
                                    .filter(latest -> latest.action() == Action.CHECK_IN
                                            && latest.actor().equals(actor))
                            : Optional.<ScanVerdict>empty();
                    if (bounce.isPresent()) {
                        return bounce.get();
                    }
                    answer = rule.apply(new Scan(scanId, station, action, actor, now, serial.value(), unit.get()));
                }
            }
            if (!scans.record(answer, text, digest)) {
                // The same scan id was recorded by a concurrent request: undo ours, answer with that one.
                status.setRollbackOnly();
                return null;
            }
            return answer;
        });
        return verdict != null
                ? verdict
                : sameRequest(scans.find(station.id(), action, scanId).orElseThrow(), digest);
    }

    /** The first verdict under a scan id, for the same request only. */
    private static ScanVerdict sameRequest(ScanRepository.Recorded earlier, String digest) {
        if (earlier.requestDigest() != null && !earlier.requestDigest().equals(digest)) {
            var first = earlier.verdict();
            throw new ScanIdReusedException(first.scanId(), first.stationId(), first.action());
        }
        return earlier.verdict();
    }

    /**
     * A scanned text as the scan record keeps it: whole (the API bounds its length), with control characters,
     * which PostgreSQL's text cannot hold (NUL) or a log reader would misread, replaced.
     */
    private static String storable(String barcode) {
        return barcode.strip().replaceAll("\\p{Cntrl}", "\uFFFD");
    }
}
