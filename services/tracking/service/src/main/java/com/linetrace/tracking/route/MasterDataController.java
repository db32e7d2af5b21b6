package com.linetrace.tracking.route;

import com.linetrace.contracts.Roles;
import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.MasterDataEditor.LineSpec;
import com.linetrace.tracking.api.MasterDataEditor.ModelSpec;
import com.linetrace.tracking.api.MasterDataEditor.RouteSpec;
import com.linetrace.tracking.api.MasterDataEditor.RouteVersion;
import com.linetrace.tracking.api.MasterDataEditor.StationSpec;
import com.linetrace.tracking.api.MasterDataRefusedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Master data over HTTP, for engineers and admins: lines, stations, product models and their versioned routes.
 * The rules are {@link MasterDataService}'s; this only maps them to HTTP.
 */
@RestController
@RolesAllowed({Roles.ENGINEER, Roles.ADMIN})
class MasterDataController {

    private final MasterDataEditor masterData;

    MasterDataController(MasterDataEditor masterData) {
        this.masterData = masterData;
    }

    @GetMapping("/api/lines")
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN, Roles.SUPERVISOR, Roles.QUALITY})
    List<LineSpec> lines() {
        return masterData.lines();
    }

    @PostMapping(path = "/api/lines", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LineSpec> addLine(@Valid @RequestBody LineSpec line, Principal user) {
        masterData.addLine(line, user.getName());
        return ResponseEntity.created(URI.create("/api/lines/" + line.id())).body(line);
    }

    @GetMapping("/api/lines/{line}/stations")
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN, Roles.SUPERVISOR, Roles.QUALITY})
    List<StationSpec> stations(@PathVariable String line) {
        return masterData.stations(line);
    }

    /** The line's station ID labels, as a PDF to print (Code128 barcodes). */
    @GetMapping("/api/lines/{line}/station-labels")
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN, Roles.SUPERVISOR})
    ResponseEntity<byte[]> stationLabels(@PathVariable String line) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"stations-" + line + ".pdf\"")
                .body(masterData.stationLabels(line));
    }

    @PostMapping(path = "/api/stations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StationSpec> addStation(@Valid @RequestBody StationSpec station, Principal user) {
        masterData.addStation(station, user.getName());
        return ResponseEntity.created(URI.create("/api/stations/" + station.id()))
                .body(station);
    }

    /** Renames a station, moves it in the flow or changes its roles; its line and kind stay. */
    @PutMapping(path = "/api/stations/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    StationSpec updateStation(@PathVariable String id, @Valid @RequestBody StationSpec station, Principal user) {
        if (!station.id().equals(id)) {
            throw new MasterDataRefusedException("The body's id " + station.id() + " is not the station " + id);
        }
        masterData.updateStation(station, user.getName());
        return station;
    }

    @GetMapping("/api/models")
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN, Roles.SUPERVISOR, Roles.QUALITY})
    List<ModelSpec> models() {
        return masterData.models();
    }

    @PostMapping(path = "/api/models", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ModelSpec> addModel(@Valid @RequestBody ModelSpec model, Principal user) {
        masterData.addModel(model, user.getName());
        return ResponseEntity.created(URI.create("/api/models/" + model.id())).body(model);
    }

    /** Adds the next version of a model's route. */
    @PostMapping(path = "/api/models/{model}/routes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RouteVersion> addRoute(
            @PathVariable String model, @Valid @RequestBody RouteSpec route, Principal user) {
        var saved = masterData.addRoute(model, route, user.getName());
        return ResponseEntity.created(URI.create("/api/models/" + model + "/routes/" + saved.version()))
                .body(saved);
    }

    /** A model's route versions, newest first. */
    @GetMapping("/api/models/{model}/routes")
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN, Roles.SUPERVISOR, Roles.QUALITY})
    List<RouteVersion> routes(@PathVariable String model) {
        return masterData.routes(model);
    }

    @GetMapping("/api/models/{model}/routes/current")
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN, Roles.SUPERVISOR, Roles.QUALITY})
    RouteVersion currentRoute(@PathVariable String model) {
        return masterData.routes(model).stream()
                .findFirst()
                .orElseThrow(() -> new UnknownRouteException("Model " + model + " has no route"));
    }

    @ExceptionHandler
    ProblemDetail refused(MasterDataRefusedException e) {
        return e.conflict()
                ? problem(HttpStatus.CONFLICT, "already-exists", e.getMessage())
                : problem(HttpStatus.BAD_REQUEST, "invalid-master-data", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownRouteException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-route", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:linetrace:problem:" + code));
        return problem;
    }

    static class UnknownRouteException extends RuntimeException {
        UnknownRouteException(String message) {
            super(message);
        }
    }
}
