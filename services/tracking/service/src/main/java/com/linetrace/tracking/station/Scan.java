package com.linetrace.tracking.station;

import com.linetrace.tracking.api.Refusal;
import com.linetrace.tracking.api.ScanVerdict;
import com.linetrace.tracking.api.ScanVerdict.Action;
import com.linetrace.tracking.api.ScanVerdict.Verdict;
import com.linetrace.tracking.route.Operation;
import com.linetrace.tracking.route.Station;
import com.linetrace.tracking.unit.Decision.Stop;
import com.linetrace.tracking.unit.UnitState;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One scan being decided; {@code unit} is set once the serial is known and locked. */
record Scan(
        UUID scanId,
        Station station,
        Action action,
        String actor,
        Instant at,
        @Nullable String serial,
        @Nullable UnitState unit) {

    Scan withSerial(String serial) {
        return new Scan(scanId, station, action, actor, at, serial, unit);
    }

    @Override
    public UnitState unit() {
        if (unit == null) {
            throw new IllegalStateException("No unit for this scan");
        }
        return unit;
    }

    /** The interlock's refusal as this scan's verdict. */
    ScanVerdict stopped(Stop stop) {
        return rejected(stop.refusal(), stop.message(), stop.operation());
    }

    ScanVerdict accepted(String message, Operation operation) {
        return verdict(Verdict.ACCEPTED, null, message, operation);
    }

    ScanVerdict rejected(Refusal refusal, String message, @Nullable Operation operation) {
        return verdict(Verdict.REJECTED, refusal, message, operation);
    }

    private ScanVerdict verdict(Verdict verdict, @Nullable Refusal refusal, String message, @Nullable Operation op) {
        return new ScanVerdict(
                scanId,
                station.id(),
                action,
                verdict,
                refusal,
                message,
                serial,
                op == null ? null : op.seq(),
                op == null ? null : op.name(),
                at,
                actor);
    }
}
