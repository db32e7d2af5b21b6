package com.linetrace.tracking.api;

import com.linetrace.contracts.unit.WorkCompleted.Result;
import java.util.List;
import java.util.UUID;

/** A station's work on units: the interlock at check-in, the result at check-out. */
public interface StationOperations {

    /**
     * Checks a scanned unit in at a station. The interlock answers at once: ACCEPTED with the operation to do,
     * or REJECTED with the reason in plain words. The same {@code scanId} twice is answered with the first
     * verdict and recorded once.
     *
     * @throws UnknownStationException when no station has this id
     */
    ScanVerdict checkIn(String stationId, UUID scanId, String barcode, String actor);

    /**
     * Records the end of the station's operation on a unit checked in there: PASS, or FAIL with defect codes.
     *
     * @throws UnknownStationException when no station has this id
     */
    ScanVerdict checkOut(
            String stationId, UUID scanId, String barcode, Result result, List<String> defects, String actor);

    /**
     * Records a part installed in the unit checked in at the station, from its barcode ({@code PART;L=LOT} or
     * {@code PART;S=SERIAL}). REJECTED when the part is not in the operation's bill of materials, is already
     * installed in a unit, is complete, or its lot is quarantined.
     */
    ScanVerdict installPart(String stationId, UUID scanId, String serial, String partBarcode, String actor);

    /** The work a station has on a unit checked in there, if it is. */
    java.util.Optional<Work> currentWork(String stationId, String serial);

    /** The station's latest scans, newest first. */
    List<ScanVerdict> recentScans(String stationId, int limit);

    /** Every station of every line, in flow order. */
    List<StationInfo> stations();

    /** How many units wait or work at each station of a line, and how many were completed today. */
    LineStatus lineStatus(String lineId);
}
