package com.linetrace.tracking.api;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.export.ExportReceipt;
import com.linetrace.identity.api.SignatureCredential;
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
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * The plant's master data, as engineers and admins keep it: lines and their stations, product models and their
 * versioned routes. A new route version is a draft until a second person (QUALITY or ADMIN, not its author) approves
 * it with an electronic signature (DD021); then it applies to work orders released from then on, and units already
 * issued keep theirs. Writes need the ENGINEER or ADMIN role; reads also SUPERVISOR or QUALITY. A refusal throws
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

    /** Where a route version stands: what new units of its model follow. */
    enum RouteState {
        /** Saved, not approved yet: no unit follows it. */
        DRAFT,
        /** The newest approved version: new work orders follow it. */
        CURRENT,
        /** Approved once, and a newer version has been approved since: only units issued before follow it. */
        SUPERSEDED
    }

    /**
     * A saved version of a model's route; {@code createdBy} is "system" for the routes the plant was set up with, and
     * {@code approvedBy} "system" for those and for versions saved before route approval began; both approval fields
     * are null for a draft.
     */
    record RouteVersion(
            String model,
            int version,
            RouteState state,
            Instant createdAt,
            String createdBy,
            @Nullable String approvedBy,
            @Nullable Instant approvedAt,
            RouteSpec route) {}

    /**
     * A route version's approval: why it may be used, and the approver's electronic signature (the password
     * re-entered and the meaning; required, DD018).
     */
    record RouteApproval(
            @NotBlank @Size(max = 500) @FreeText String reason,
            @Nullable SignatureCredential signature) {}

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

    /** The route versions of a model, newest first, drafts among them. */
    @GetExchange("/models/{model}/routes")
    List<RouteVersion> routes(@PathVariable String model);

    /**
     * The route version new work orders of a model follow: the newest approved one.
     *
     * @throws MasterDataRefusedException {@link TrackingProblem#UNKNOWN_ROUTE} (404) when the model has none approved
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

    /** Saves {@code route} as the model's next version, a draft, and returns it; answered 201. */
    @PostExchange(url = "/models/{model}/routes", contentType = MediaType.APPLICATION_JSON_VALUE)
    RouteVersion addRoute(@PathVariable String model, @Valid @RequestBody RouteSpec route);

    /**
     * Approves a draft route version, signed electronically by the caller (QUALITY or ADMIN may sign, never the
     * version's author): new work orders of the model follow it from now on; units already issued keep theirs.
     *
     * @throws MasterDataRefusedException {@link TrackingProblem#UNKNOWN_ROUTE} (404) when there is no such version,
     *     {@link TrackingProblem#FOUR_EYES} (409) for its author, {@link TrackingProblem#ROUTE_STATE} (409) when it is
     *     approved already or a newer version is
     * @throws com.linetrace.contracts.problem.ProblemException {@code signature-required} (400), {@code
     *     signature-not-allowed} or {@code signature-refused} (403, each an audit entry), {@code
     *     signature-unavailable} (503)
     */
    @PostExchange(url = "/models/{model}/routes/{version}/approval", contentType = MediaType.APPLICATION_JSON_VALUE)
    RouteVersion approveRoute(
            @PathVariable String model, @PathVariable int version, @Valid @RequestBody RouteApproval approval);

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
