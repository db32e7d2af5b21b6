package com.linetrace.tracking.api;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.export.ExportReceipt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * The plant's master data, as engineers and admins keep it: lines and their stations, product models and their
 * versioned routes. A new route version applies to work orders released from then on; units already issued keep
 * theirs. Writes need the ENGINEER or ADMIN role; reads also SUPERVISOR or QUALITY. A refusal throws
 * {@link MasterDataRefusedException} with the reason in words. Ids in the records are text as an engineer typed it,
 * checked with the record's other fields so that one answer names every field to change.
 */
@HttpExchange("/api")
public interface MasterDataEditor {

    String PART_NUMBER = "[A-Z0-9][A-Z0-9._/-]{0,39}";

    /** The kinds of station a route's operation can name. */
    List<String> STATION_KINDS =
            List.of("ASSEMBLY", "FIRMWARE_FLASH", "KEY_INJECTION", "TEST", "INSPECTION", "REPAIR", "PACK");

    record LineSpec(
            @PlantId String id,
            @NotBlank @Size(max = 80) @FreeText String name) {}

    /**
     * A station of a line: it performs the operations of its kind; its id is printed as a barcode on it.
     *
     * @param allowedRoles the roles allowed to work here; empty: every role that may scan
     */
    record StationSpec(
            @PlantId String id,

            @PlantId String lineId,

            @NotNull String kind,
            @Min(0) @Max(10_000) int flowOrder,
            @NotBlank @Size(max = 80) @FreeText String name,
            @Size(max = 6) List<String> allowedRoles) {

        public StationSpec {
            allowedRoles = allowedRoles == null ? List.of() : List.copyOf(allowedRoles);
        }
    }

    record ModelSpec(
            @PlantId String id,
            @NotBlank @Size(max = 80) @FreeText String name) {}

    /** A line of an operation's bill of materials: a part number, how many, whether each has its own serial. */
    record PartSpec(
            @NotNull @Pattern(regexp = PART_NUMBER, message = "capitals, digits and . _ / -, up to 40")
            String partNumber,

            @NotBlank @Size(max = 80) @FreeText String description,
            @Min(1) @Max(100) int quantity,
            boolean serialized) {}

    /** One step of a route, done at a station of {@code stationKind}, installing {@code parts}. */
    record OperationSpec(
            @Min(1) @Max(10_000) int seq,
            @NotBlank @Size(max = 80) @FreeText String name,
            @NotNull String stationKind,
            @Size(max = 2000) @FreeText String instruction,
            @Size(max = 50) List<@Valid PartSpec> parts) {

        public OperationSpec {
            instruction = instruction == null ? "" : instruction;
            parts = parts == null ? List.of() : List.copyOf(parts);
        }
    }

    /**
     * A route: its operations in order; a unit failing one goes to repair and back to it, and is held after
     * {@code maxFailures} failures. Pack-out requires the firmware of each of {@code firmwareModules} verified and,
     * when {@code requiresKey}, a verified key injection.
     */
    record RouteSpec(
            @Min(1) @Max(20) int maxFailures,
            @NotEmpty @Size(max = 100) List<@Valid OperationSpec> operations,
            @Size(max = 10) List<String> firmwareModules,
            boolean requiresKey) {

        public RouteSpec {
            operations = operations == null ? List.of() : List.copyOf(operations);
            firmwareModules = firmwareModules == null ? List.of() : List.copyOf(firmwareModules);
        }
    }

    /** A saved version of a model's route; {@code createdBy} is "system" for the routes the plant was set up with. */
    record RouteVersion(String model, int version, Instant createdAt, String createdBy, RouteSpec route) {}

    @GetExchange("/lines")
    List<LineSpec> lines();

    /**
     * The stations of a line, in flow order.
     *
     * @throws MasterDataRefusedException {@link TrackingProblem#UNKNOWN_LINE} (404) when there is no such line
     */
    @GetExchange("/lines/{lineId}/stations")
    List<StationSpec> stations(@PathVariable LineId lineId);

    @GetExchange("/models")
    List<ModelSpec> models();

    /** The route versions of a model, newest (the one new work orders follow) first. */
    @GetExchange("/models/{model}/routes")
    List<RouteVersion> routes(@PathVariable String model);

    /**
     * The route version new work orders of a model follow.
     *
     * @throws MasterDataRefusedException {@link TrackingProblem#UNKNOWN_ROUTE} (404) when the model has none
     */
    @GetExchange("/models/{model}/routes/current")
    RouteVersion currentRoute(@PathVariable String model);

    /** Adds a line; answered 201 with it. */
    @PostExchange(url = "/lines", contentType = MediaType.APPLICATION_JSON_VALUE)
    LineSpec addLine(@Valid @RequestBody LineSpec line);

    /** Adds a station to its line; answered 201 with it. */
    @PostExchange(url = "/stations", contentType = MediaType.APPLICATION_JSON_VALUE)
    StationSpec addStation(@Valid @RequestBody StationSpec station);

    /**
     * Renames a station, moves it in the flow or changes who may work at it; its id, line and kind stay.
     *
     * @throws MasterDataRefusedException when {@code station}'s id is not {@code stationId}, or it changes the line
     *     or the kind
     */
    @PutExchange(url = "/stations/{stationId}", contentType = MediaType.APPLICATION_JSON_VALUE)
    StationSpec updateStation(@PathVariable StationId stationId, @Valid @RequestBody StationSpec station);

    /** Adds a product model; answered 201 with it. */
    @PostExchange(url = "/models", contentType = MediaType.APPLICATION_JSON_VALUE)
    ModelSpec addModel(@Valid @RequestBody ModelSpec model);

    /** Saves {@code route} as the model's next version and returns it; answered 201. */
    @PostExchange(url = "/models/{model}/routes", contentType = MediaType.APPLICATION_JSON_VALUE)
    RouteVersion addRoute(@PathVariable String model, @Valid @RequestBody RouteSpec route);

    /**
     * The ID labels of a line's stations, a Code128 barcode each, as a PDF to print and stick on the stations.
     *
     * @throws MasterDataRefusedException {@link TrackingProblem#UNKNOWN_LINE} (404) when there is no such line, or
     *     when it has no stations yet
     */
    @GetExchange("/lines/{lineId}/station-labels")
    byte[] stationLabels(@PathVariable LineId lineId);

    /**
     * Writes the ID labels of a line's stations to the plant's export folder ({@code linetrace.offline.export-dir})
     * instead of handing them out: the one way they leave in offline mode.
     *
     * @throws MasterDataRefusedException {@link TrackingProblem#UNKNOWN_LINE} (404) as {@link #stationLabels}
     * @throws com.linetrace.contracts.problem.ProblemException {@code export-folder-not-configured} (409) without an
     *     export folder
     */
    @PostExchange("/lines/{lineId}/station-labels/export")
    ExportReceipt exportStationLabels(@PathVariable LineId lineId);
}
