package com.linetrace.tracking.station;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.unit.WorkCompleted.Result;
import com.linetrace.tracking.api.LineStatus;
import com.linetrace.tracking.api.ScanIdReusedException;
import com.linetrace.tracking.api.ScanVerdict;
import com.linetrace.tracking.api.StationInfo;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.tracking.api.UnknownStationException;
import com.linetrace.tracking.api.Work;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stations' HTTP API. A scan always gets a verdict (200): ACCEPTED, or REJECTED with a stable code and a
 * message for the worker; only a request that is not a scan at all (unknown station, malformed body, a scan id
 * reused for another request) is an HTTP error, as problem+json.
 */
@RestController
class StationController {

    private final StationOperations stations;

    StationController(StationOperations stations) {
        this.stations = stations;
    }

    /**
     * A check-in scan; {@code scanId} (optional) makes a retried request idempotent at this station for this
     * action.
     */
    record ScanRequest(
            @Nullable UUID scanId, @NotNull @Size(max = 256) String barcode) {}

    /** A check-out of the unit checked in at the station. */
    record CheckOutRequest(
            @Nullable UUID scanId,
            @NotNull @Size(max = 256) String serial,
            @NotNull Result result,
            @Nullable @Size(max = 20) List<String> defects) {}

    @PostMapping(path = "/api/stations/{stationId}/scans", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    ScanVerdict scan(@PathVariable String stationId, @Valid @RequestBody ScanRequest request, Principal user) {
        return stations.checkIn(stationId, idOf(request.scanId()), request.barcode(), user.getName());
    }

    @PostMapping(path = "/api/stations/{stationId}/check-outs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    ScanVerdict checkOut(@PathVariable String stationId, @Valid @RequestBody CheckOutRequest request, Principal user) {
        return stations.checkOut(
                stationId,
                idOf(request.scanId()),
                request.serial(),
                request.result(),
                request.defects() == null ? List.of() : request.defects(),
                user.getName());
    }

    /** A part installed in the unit checked in at the station, from its barcode. */
    record MaterialRequest(
            @Nullable UUID scanId,
            @NotNull @Size(max = 256) String serial,
            @NotNull @Size(max = 256) String barcode) {}

    @PostMapping(path = "/api/stations/{stationId}/materials", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    ScanVerdict installPart(
            @PathVariable String stationId, @Valid @RequestBody MaterialRequest request, Principal user) {
        return stations.installPart(
                stationId, idOf(request.scanId()), request.serial(), request.barcode(), user.getName());
    }

    /** The operation, work instruction and parts still to scan for a unit checked in at the station. */
    @GetMapping("/api/stations/{stationId}/work/{serial}")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    Work work(@PathVariable String stationId, @PathVariable String serial) {
        return stations.currentWork(stationId, serial).orElseThrow(() -> new NoWorkException(serial, stationId));
    }

    @GetMapping("/api/stations/{stationId}/scans")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    List<ScanVerdict> recentScans(@PathVariable String stationId, @RequestParam(defaultValue = "20") int limit) {
        return stations.recentScans(stationId, limit);
    }

    @GetMapping("/api/stations")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    List<StationInfo> stations() {
        return stations.stations();
    }

    @GetMapping("/api/lines/{lineId}/status")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    LineStatus lineStatus(@PathVariable String lineId) {
        return stations.lineStatus(lineId);
    }

    private static UUID idOf(@Nullable UUID scanId) {
        return scanId != null ? scanId : UUID.randomUUID();
    }

    @ExceptionHandler
    ProblemDetail unknownStation(UnknownStationException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-station", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidScan(InvalidScanException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-scan", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail scanIdReused(ScanIdReusedException e) {
        return problem(HttpStatus.CONFLICT, "scan-id-reused", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail noWork(NoWorkException e) {
        return problem(HttpStatus.NOT_FOUND, "not-checked-in", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:linetrace:problem:" + code));
        return problem;
    }
}
