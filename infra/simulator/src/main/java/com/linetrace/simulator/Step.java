package com.linetrace.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One thing a unit's walk does at a station, after {@link #walk()} of carrying it there. */
sealed interface Step {

    Duration walk();

    /**
     * A check-in at {@code station} for operation {@code seq}, the parts its work asks for scanned (lot-traced parts
     * from the lot in {@code lots}), the station's equipment run, {@code work} of work, then a check-out with
     * {@code defects} (FAIL) or none (PASS). At the repair station {@code seq} is the failed operation.
     *
     * @param flashFault at the flash fixture, the flash that goes wrong first and is flashed again; none if null
     * @param reusesKey at the key station, report the previous unit's device key instead of a fresh one
     */
    record Visit(
            int seq,
            String station,
            Duration walk,
            Duration work,
            List<String> defects,
            Map<String, String> lots,
            @Nullable FlashFault flashFault,
            boolean reusesKey)
            implements Step {
        public Visit {
            defects = List.copyOf(defects);
            lots = Map.copyOf(lots);
        }

        boolean pass() {
            return defects.isEmpty();
        }
    }

    /** A flash that provisioning must reject: of {@code module}, as {@code kind}. */
    record FlashFault(String module, Kind kind) {
        enum Kind {
            /** The device reads back another image than was written. */
            READ_BACK_MISMATCH,
            /** The image of the release quality revoked. */
            REVOKED_RELEASE
        }
    }

    /** The unit scanned at a station it has already left: the plant must refuse it. */
    record WrongStation(String station, Duration walk) implements Step {}

    /** A mistyped barcode at the right station: the plant must refuse it for its check character. */
    record Misread(String station, String barcode, Duration walk) implements Step {}
}
