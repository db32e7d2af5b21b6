package com.linetrace.tracking.api;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Serial;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.unit.WorkCompleted.Result;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * A station's work on units: the interlock at check-in, parts installed, the result at check-out, and what a
 * terminal shows. The worker is the caller (the signed-in user, or the bearer of the request's credentials). A scan
 * always gets a verdict: ACCEPTED, or REJECTED with a stable code and a message for the worker; only a request that is
 * not a scan at all (an unknown station, a malformed body, a scan id reused for another request) is refused with a
 * {@link TrackingProblem}.
 */
@HttpExchange("/api")
public interface StationOperations {

    /**
     * A check-in scan.
     *
     * @param scanId makes a retried request idempotent at this station for this action; given one when absent
     * @param barcode what the scanner read: the unit's serial, checked whole (a malformed one is REJECTED)
     */
    record CheckIn(
            @Nullable UUID scanId, @NotNull @Size(max = 256) String barcode) {

        public CheckIn {
            scanId = scanId != null ? scanId : UUID.randomUUID();
        }

        public CheckIn(String barcode) {
            this(null, barcode);
        }
    }

    /** The check-out of the unit checked in at the station: PASS, or FAIL with defect codes. */
    record CheckOut(
            @Nullable UUID scanId,
            @NotNull @Size(max = 256) String serial,
            @NotNull Result result,
            @Nullable @Size(max = 20) List<String> defects) {

        public CheckOut {
            scanId = scanId != null ? scanId : UUID.randomUUID();
            defects = defects == null ? List.of() : defects;
        }

        public CheckOut(String serial, Result result, List<String> defects) {
            this(null, serial, result, defects);
        }
    }

    /** A part installed in the unit checked in at the station, from its label ({@code PART;L=LOT}, {@code PART;S=SERIAL}). */
    record PartScan(
            @Nullable UUID scanId,
            @NotNull @Size(max = 256) String serial,
            @NotNull @Size(max = 256) String barcode) {

        public PartScan {
            scanId = scanId != null ? scanId : UUID.randomUUID();
        }

        public PartScan(String serial, String barcode) {
            this(null, serial, barcode);
        }
    }

    /**
     * Checks a scanned unit in at a station. The interlock answers at once: ACCEPTED with the operation to do, or
     * REJECTED with the reason in plain words. A scan id is idempotent at its station for its action (here and in
     * the calls below): the same request twice is answered with the first verdict and recorded once; the same id at
     * another station or for another action is another scan. A worker whose role the station excludes is refused at
     * every action.
     *
     * @throws UnknownStationException when no station has this id
     * @throws ScanIdReusedException when the id was used here for this action by another worker or request
     */
    @PostExchange(url = "/stations/{stationId}/scans", contentType = MediaType.APPLICATION_JSON_VALUE)
    ScanVerdict checkIn(@PathVariable StationId stationId, @Valid @RequestBody CheckIn scan);

    /**
     * Records the end of the station's operation on a unit checked in there: PASS, or FAIL with defect codes.
     * REJECTED when the unit is held or scrapped (also when the hold came while it was checked in: it stays where it
     * stands until released), and a PASS at pack-out when provisioning no longer shows everything verified.
     *
     * @throws UnknownStationException when no station has this id
     */
    @PostExchange(url = "/stations/{stationId}/check-outs", contentType = MediaType.APPLICATION_JSON_VALUE)
    ScanVerdict checkOut(@PathVariable StationId stationId, @Valid @RequestBody CheckOut checkOut);

    /**
     * Records a part installed in the unit checked in at the station. REJECTED when the unit is held or scrapped,
     * when the barcode is longer than the grammar allows (it is never cut to fit), when the part is not in the
     * operation's bill of materials, is already installed in a unit (also by another station at the same moment), is
     * complete, or its lot is quarantined.
     */
    @PostExchange(url = "/stations/{stationId}/materials", contentType = MediaType.APPLICATION_JSON_VALUE)
    ScanVerdict installPart(@PathVariable StationId stationId, @Valid @RequestBody PartScan part);

    /**
     * The work a station has on a unit checked in there: the operation, its instruction and the parts still to scan.
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link TrackingProblem#NOT_CHECKED_IN} when the unit is
     *     not checked in at the station
     */
    @GetExchange("/stations/{stationId}/work/{serial}")
    Work work(@PathVariable StationId stationId, @PathVariable Serial serial);

    /** The station's latest scans, newest first (1 to 200). */
    @GetExchange("/stations/{stationId}/scans")
    List<ScanVerdict> recentScans(@PathVariable StationId stationId, @RequestParam(defaultValue = "20") int limit);

    /** Every station of every line, in flow order. */
    @GetExchange("/stations")
    List<StationInfo> stations();

    /**
     * How many units wait or work at each station of a line, and how many were completed today.
     *
     * @throws MasterDataRefusedException {@link TrackingProblem#UNKNOWN_LINE} when there is no such line
     */
    @GetExchange("/lines/{lineId}/status")
    LineStatus lineStatus(@PathVariable LineId lineId);
}
