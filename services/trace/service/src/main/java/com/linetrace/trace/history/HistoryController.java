package com.linetrace.trace.history;

import com.linetrace.contracts.MalformedSerialException;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.trace.api.HistoryEntry;
import com.linetrace.trace.api.UnitHistory;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HistoryController {

    private final UnitHistory history;

    HistoryController(UnitHistory history) {
        this.history = history;
    }

    /** A unit's events, oldest first: 400 for a malformed serial, 404 for one trace never heard of. */
    @GetMapping("/api/units/{serial}/history")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    List<HistoryEntry> history(@PathVariable String serial) {
        var entries = history.history(Serial.parse(serial));
        if (entries.isEmpty()) {
            throw new UnknownSerialException(serial);
        }
        return entries;
    }

    @ExceptionHandler
    ProblemDetail malformed(MalformedSerialException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-serial", "Malformed serial: " + e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownSerialException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-serial", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:linetrace:problem:" + code));
        return problem;
    }

    static class UnknownSerialException extends RuntimeException {
        UnknownSerialException(String serial) {
            super("No unit with serial " + serial + " is known to trace");
        }
    }
}
