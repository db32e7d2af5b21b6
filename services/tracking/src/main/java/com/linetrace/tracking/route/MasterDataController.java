package com.linetrace.tracking.route;

import com.linetrace.contracts.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Master data over HTTP, for engineers and admins: lines, stations, product models and their versioned routes.
 * A new route version applies to units released from then on; units already issued keep theirs.
 */
@RestController
@RolesAllowed({Roles.ENGINEER, Roles.ADMIN})
class MasterDataController {

    static final Set<String> STATION_KINDS =
            Set.of("ASSEMBLY", "FIRMWARE_FLASH", "KEY_INJECTION", "TEST", "INSPECTION", "REPAIR", "PACK");
    private static final Set<String> ROLES =
            Set.of(Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN);
    private static final String ID = "[A-Z0-9][A-Z0-9-]{0,19}";

    private final MasterData masterData;

    MasterDataController(MasterData masterData) {
        this.masterData = masterData;
    }

    record NewLine(
            @NotNull @Pattern(regexp = ID) String id,
            @NotBlank @Size(max = 80) String name) {}

    record NewStation(
            @NotNull @Pattern(regexp = ID) String id,
            @NotNull @Pattern(regexp = ID) String lineId,
            @NotNull String kind,
            @Min(0) @Max(10_000) int flowOrder,
            @NotBlank @Size(max = 80) String name,
            @Nullable @Size(max = 6) List<String> allowedRoles) {}

    record NewModel(
            @NotNull @Pattern(regexp = ID) String id,
            @NotBlank @Size(max = 80) String name) {}

    record NewPart(
            @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9._/-]{0,39}")
            String partNumber,

            @NotBlank @Size(max = 80) String description,
            @Min(1) @Max(100) int quantity,
            boolean serialized) {}

    record NewOperation(
            @Min(1) @Max(10_000) int seq,
            @NotBlank @Size(max = 80) String name,
            @NotNull String stationKind,
            @Nullable @Size(max = 2000) String instruction,
            @Nullable @Valid @Size(max = 50) List<NewPart> parts) {}

    record NewRoute(
            @Min(1) @Max(20) int maxFailures,
            @NotEmpty @Valid @Size(max = 100) List<NewOperation> operations,
            @Nullable @Size(max = 10) List<String> firmwareModules,
            boolean requiresKey) {}

    @PostMapping(path = "/api/lines", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NewLine> addLine(@Valid @RequestBody NewLine line) {
        masterData.addLine(line.id(), line.name());
        return ResponseEntity.created(URI.create("/api/lines/" + line.id())).body(line);
    }

    @PostMapping(path = "/api/stations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Station> addStation(@Valid @RequestBody NewStation request) {
        requireKind(request.kind());
        if (!masterData.lineExists(request.lineId())) {
            throw new MasterDataException("No line has the id '" + request.lineId() + "'");
        }
        var roles = request.allowedRoles() == null ? List.<String>of() : request.allowedRoles();
        if (!ROLES.containsAll(roles)) {
            throw new MasterDataException(
                    "Allowed roles are among " + ROLES.stream().sorted().toList());
        }
        var station =
                new Station(request.id(), request.lineId(), request.kind(), request.flowOrder(), request.name(), roles);
        masterData.addStation(station);
        return ResponseEntity.created(URI.create("/api/stations/" + station.id()))
                .body(station);
    }

    @PostMapping(path = "/api/models", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NewModel> addModel(@Valid @RequestBody NewModel model) {
        masterData.addModel(model.id(), model.name());
        return ResponseEntity.created(URI.create("/api/models/" + model.id())).body(model);
    }

    /** Adds the next version of a model's route. */
    @PostMapping(path = "/api/models/{model}/routes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ResponseEntity<Route> addRoute(@PathVariable String model, @Valid @RequestBody NewRoute request) {
        var seqs = new HashSet<Integer>();
        int last = 0;
        for (var op : request.operations()) {
            requireKind(op.stationKind());
            if (!seqs.add(op.seq()) || op.seq() <= last) {
                throw new MasterDataException(
                        "Operation numbers must be unique and ascending; " + op.seq() + " is not");
            }
            last = op.seq();
        }
        var operations = request.operations().stream()
                .map(op -> new Operation(
                        op.seq(),
                        op.name(),
                        op.stationKind(),
                        op.instruction() == null ? "" : op.instruction(),
                        op.parts() == null
                                ? List.of()
                                : op.parts().stream()
                                        .map(p ->
                                                new Part(p.partNumber(), p.description(), p.quantity(), p.serialized()))
                                        .toList()))
                .toList();
        var route = masterData.addRoute(
                model,
                request.maxFailures(),
                operations,
                request.firmwareModules() == null ? List.of() : request.firmwareModules(),
                request.requiresKey());
        return ResponseEntity.created(URI.create("/api/models/" + model + "/routes/" + route.version()))
                .body(route);
    }

    @GetMapping("/api/models/{model}/routes/current")
    @RolesAllowed({Roles.ENGINEER, Roles.ADMIN, Roles.SUPERVISOR, Roles.QUALITY})
    Route currentRoute(@PathVariable String model) {
        return masterData
                .currentRoute(model)
                .orElseThrow(() -> new MasterDataException("Model '" + model + "' has no route"));
    }

    private static void requireKind(String kind) {
        if (!STATION_KINDS.contains(kind)) {
            throw new MasterDataException("Station kind must be one of "
                    + STATION_KINDS.stream().sorted().toList());
        }
    }

    @ExceptionHandler
    ProblemDetail refused(MasterDataException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-master-data", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "already-exists", "Something with this id already exists");
    }

    @ExceptionHandler
    ProblemDetail dangling(DataIntegrityViolationException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-master-data", "It refers to something that does not exist");
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:linetrace:problem:" + code));
        return problem;
    }

    static class MasterDataException extends RuntimeException {
        MasterDataException(String message) {
            super(message);
        }
    }
}
