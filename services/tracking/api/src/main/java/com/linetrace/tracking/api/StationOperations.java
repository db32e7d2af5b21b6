package com.linetrace.tracking.api;

import com.linetrace.contracts.unit.WorkCompleted.Result;
import java.util.List;
import java.util.UUID;

/** A station's work on units: the interlock at check-in, the result at check-out. */
public interface StationOperations {

    /**
     * Checks a scanned unit in at a station. The interlock answers at once: ACCEPTED with the operation to do,
     * or REJECTED with the reason in plain words. A {@code scanId} is idempotent at its station for its action
     * (here and in the calls below): the same request twice is answered with the first verdict and recorded once;
     * the same id at another station or for another action is another scan. A worker whose role the station
     * excludes is refused at every action.
     *
     * @throws UnknownStationException when no station has this id
     * @throws ScanIdReusedException when the id was used here for this action by another worker or request
     */
    ScanVerdict checkIn(String stationId, UUID scanId, String barcode, String actor);

    /**
     * Records the end of the station's operation on a unit checked in there: PASS, or FAIL with defect codes.
     * REJECTED when the unit is held or scrapped (also when the hold came while it was checked in: it stays where
     * it stands until released), and a PASS at pack-out when provisioning no longer shows everything verified.
     *
     * @throws UnknownStationException when no station has this id
     */
    ScanVerdict checkOut(
            String stationId, UUID scanId, String barcode, Result result, List<String> defects, String actor);

    /**
     * Records a part installed in the unit checked in at the station, from its barcode ({@code PART;L=LOT} or
     * {@code PART;S=SERIAL}). REJECTED when the unit is held or scrapped, when the barcode is longer than the
     * grammar allows (it is never cut to fit), when the part is not in the operation's bill of materials, is
     * already installed in a unit (also by another station at the same moment), is complete, or its lot is
     * quarantined.
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
