package com.linetrace.tracking.workorder;

import com.linetrace.contracts.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WorkOrderController {

    private final WorkOrders workOrders;

    WorkOrderController(WorkOrders workOrders) {
        this.workOrders = workOrders;
    }

    record ReleaseRequest(
            @NotBlank @Size(max = 40) String model,
            @NotBlank @Size(max = 40) String line,
            @Min(1) @Max(10_000) int quantity,
            @Nullable LocalDate dueDate) {}

    @PostMapping(path = "/api/work-orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ENGINEER, Roles.ADMIN})
    ResponseEntity<WorkOrders.Released> release(@Valid @RequestBody ReleaseRequest request, Principal user) {
        var released = workOrders.release(
                request.model(), request.line(), request.quantity(), request.dueDate(), user.getName());
        return ResponseEntity.created(URI.create("/api/work-orders/" + released.number()))
                .body(released);
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidWorkOrderException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("urn:linetrace:problem:invalid-work-order"));
        return problem;
    }
}
