package com.linetrace.simulator;

import java.time.Duration;
import java.util.List;

/** One thing a unit's walk does at a station, after {@link #walk()} of carrying it there. */
sealed interface Step {

    Duration walk();

    /**
     * A check-in at {@code station} for operation {@code seq}, {@code work} of work, then a check-out with
     * {@code defects} (FAIL) or none (PASS). At the repair station {@code seq} is the failed operation.
     */
    record Visit(int seq, String station, Duration walk, Duration work, List<String> defects) implements Step {
        public Visit {
            defects = List.copyOf(defects);
        }

        boolean pass() {
            return defects.isEmpty();
        }
    }

    /** The unit scanned at a station it has already left: the plant must refuse it. */
    record WrongStation(String station, Duration walk) implements Step {}

    /** A mistyped barcode at the right station: the plant must refuse it for its check character. */
    record Misread(String station, String barcode, Duration walk) implements Step {}
}
