package com.linetrace.tracking.station;

import com.linetrace.tracking.api.UnknownStationException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Tracking's own refusals of requests, as problem+json with a stable type. */
@RestControllerAdvice
class StationProblems {

    @ExceptionHandler
    ProblemDetail unknownStation(UnknownStationException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-station", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidScan(InvalidScanException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-scan", e.getMessage());
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
