package com.linetrace.tracking.workorder;

import com.linetrace.contracts.Roles;
import com.linetrace.tracking.api.WorkOrderPlanning.Released;
import com.linetrace.tracking.api.WorkOrderPlanning.Summary;
import com.linetrace.tracking.api.WorkOrderRefusedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Work orders over HTTP; the same service as the UI's, which checks the roles again. */
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
    ResponseEntity<Released> release(@Valid @RequestBody ReleaseRequest request, Principal user) {
        var released = workOrders.release(
                request.model(), request.line(), request.quantity(), request.dueDate(), user.getName());
        return ResponseEntity.created(URI.create("/api/work-orders/" + released.number()))
                .body(released);
    }

    /** The latest work orders, newest first, with where their units stand. */
    @GetMapping("/api/work-orders")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ENGINEER, Roles.QUALITY, Roles.MANAGER, Roles.ADMIN})
    List<Summary> list(@RequestParam(defaultValue = "100") int limit) {
        return workOrders.workOrders(limit);
    }

    @GetMapping("/api/work-orders/{number}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ENGINEER, Roles.QUALITY, Roles.MANAGER, Roles.ADMIN})
    Released find(@PathVariable String number) {
        return workOrders.find(number).orElseThrow(() -> new UnknownWorkOrderException(number));
    }

    /** The serial labels of a work order, as a PDF to print (Code128 barcodes). */
    @GetMapping("/api/work-orders/{number}/labels")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ENGINEER, Roles.ADMIN})
    ResponseEntity<byte[]> labels(@PathVariable String number) {
        var pdf = workOrders.labels(number).orElseThrow(() -> new UnknownWorkOrderException(number));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"labels-" + number + ".pdf\"")
                .body(pdf);
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownWorkOrderException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(URI.create("urn:linetrace:problem:unknown-work-order"));
        return problem;
    }

    static class UnknownWorkOrderException extends RuntimeException {
        UnknownWorkOrderException(String number) {
            super("No work order " + (number.length() > 20 ? number.substring(0, 20) + "…" : number));
        }
    }

    @ExceptionHandler
    ProblemDetail invalid(WorkOrderRefusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("urn:linetrace:problem:invalid-work-order"));
        return problem;
    }
}
