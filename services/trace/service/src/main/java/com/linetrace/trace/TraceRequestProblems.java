package com.linetrace.trace;

import com.linetrace.contracts.MalformedIdException;
import com.linetrace.contracts.MalformedSerialException;
import com.linetrace.trace.api.TraceProblem;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Trace's answer to a path or parameter that does not read as its type, saying what is wrong in the words a quality
 * engineer reads: a serial that is not one (400 {@code malformed-serial}), another id ({@code invalid-id}), a status
 * or module that is not one of the listed values, a time that is not an instant ({@code invalid-parameter}).
 */
@RestControllerAdvice(basePackages = "com.linetrace.trace")
@Order(Ordered.HIGHEST_PRECEDENCE)
class TraceRequestProblems {

    @ExceptionHandler
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MalformedSerialException malformed) {
                return problem(TraceProblem.MALFORMED_SERIAL.code(), "Malformed serial: " + malformed.getMessage());
            }
            if (t instanceof MalformedIdException malformed) {
                return problem("invalid-id", malformed.getMessage());
            }
        }
        var type = e.getRequiredType();
        var detail = "The parameter " + e.getName() + " is not valid";
        if (type != null && type.isEnum()) {
            detail += ": it is one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        } else if (type == Instant.class) {
            detail += ": it is an instant such as 2026-12-01T06:00:00Z";
        } else if (type == java.util.UUID.class) {
            detail += ": it is a UUID";
        } else if (type == Integer.class || type == int.class) {
            detail += ": it is a whole number";
        }
        return problem("invalid-parameter", detail);
    }

    private static ProblemDetail problem(String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create("urn:linetrace:problem:" + code));
        return problem;
    }
}
