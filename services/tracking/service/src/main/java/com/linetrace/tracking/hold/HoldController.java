package com.linetrace.tracking.hold;

import com.linetrace.tracking.api.HoldRefusedException;
import com.linetrace.tracking.api.UnitHolds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Holds, releases, scrap and lot quarantine over HTTP; the roles are checked by {@link UnitHolds}. */
@RestController
class HoldController {

    private final UnitHolds holds;

    HoldController(UnitHolds holds) {
        this.holds = holds;
    }

    /** Units to hold: a list of serials, or a whole work order. */
    record HoldRequest(
            @Nullable @Size(max = 1000) List<String> serials,
            @Nullable @Size(max = 40) String workOrder,
            @NotBlank @Size(max = 500) String reason) {}

    record Reason(@NotBlank @Size(max = 500) String reason) {}

    record LotRequest(
            @NotBlank @Size(max = 40) String partNumber,
            @NotBlank @Size(max = 40) String lot,
            @Nullable @Size(max = 500) String reason) {}

    @PostMapping(path = "/api/holds", consumes = MediaType.APPLICATION_JSON_VALUE)
    UnitHolds.Outcome hold(@Valid @RequestBody HoldRequest request, Principal user) {
        if (request.workOrder() != null) {
            return holds.holdWorkOrder(request.workOrder(), request.reason(), user.getName());
        }
        if (request.serials() == null || request.serials().isEmpty()) {
            throw new HoldRefusedException("Name the serials or the work order to hold");
        }
        return holds.hold(request.serials(), request.reason(), user.getName());
    }

    @PostMapping(path = "/api/units/{serial}/release", consumes = MediaType.APPLICATION_JSON_VALUE)
    void release(@PathVariable String serial, @Valid @RequestBody Reason request, Principal user) {
        holds.release(serial, request.reason(), user.getName());
    }

    @PostMapping(path = "/api/units/{serial}/scrap", consumes = MediaType.APPLICATION_JSON_VALUE)
    void scrap(@PathVariable String serial, @Valid @RequestBody Reason request, Principal user) {
        holds.scrap(serial, request.reason(), user.getName());
    }

    @PostMapping(path = "/api/lots/quarantine", consumes = MediaType.APPLICATION_JSON_VALUE)
    UnitHolds.Outcome quarantine(@Valid @RequestBody LotRequest request, Principal user) {
        return holds.quarantineLot(
                request.partNumber(), request.lot(), request.reason() == null ? "" : request.reason(), user.getName());
    }

    @PostMapping(path = "/api/lots/quarantine-lift", consumes = MediaType.APPLICATION_JSON_VALUE)
    void lift(@Valid @RequestBody LotRequest request, Principal user) {
        if (!holds.liftQuarantine(request.partNumber(), request.lot(), user.getName())) {
            throw new HoldRefusedException(
                    "Lot " + request.lot() + " of " + request.partNumber() + " is not quarantined");
        }
    }

    @ExceptionHandler
    ProblemDetail refused(HoldRefusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("urn:linetrace:problem:hold-refused"));
        return problem;
    }
}
