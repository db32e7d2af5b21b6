package com.linetrace.identity;

import com.linetrace.contracts.DatabaseUnreachable;
import com.linetrace.contracts.MalformedIdException;
import com.linetrace.contracts.MalformedSerialException;
import com.linetrace.contracts.MalformedTextException;
import com.linetrace.contracts.problem.ProblemException;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The API's answer to requests it cannot serve, for every service: problem+json (RFC 9457) with a stable
 * {@code type}, in plain words, with nothing internal (no class names, SQL or stack traces). Services' own
 * advice comes first; this one catches what they do not.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** A typed id in a path, parameter or body that is not one; the detail says what is wrong with it. */
    static final String INVALID_ID = "invalid-id";

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, RequestSizeLimitFilter.BodyTooLargeException.class)) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", rootMessage(e));
        }
        var text = cause(e, MalformedTextException.class);
        if (text != null) {
            return invalidText(text);
        }
        var id = malformedId(e);
        if (id != null) {
            return problem(HttpStatus.BAD_REQUEST, INVALID_ID, id);
        }
        return problem(
                HttpStatus.BAD_REQUEST, "malformed-body", "The request body is not valid JSON of the expected shape");
    }

    /** A path variable or request parameter that does not read as its type: an id, a number. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var id = malformedId(e);
        if (id != null) {
            return problem(HttpStatus.BAD_REQUEST, INVALID_ID, id);
        }
        var name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "The parameter " + name + " is not valid");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var detail = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .sorted()
                .reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid");
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", detail);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().equals(URI.create("about:blank")))) {
            problem.setType(URI.create("urn:linetrace:problem:http-" + status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** Text a service or a contract record refused after the body was read (a request path, an in-process call). */
    @ExceptionHandler
    ResponseEntity<Object> invalidText(MalformedTextException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-text", e.getMessage());
    }

    /** A refusal by a service's api: its own status and stable type, its plain-words reason. */
    @ExceptionHandler
    ResponseEntity<Object> refused(ProblemException e) {
        var status = HttpStatus.valueOf(e.problem().status());
        return problem(status, e.problem().code(), String.valueOf(e.getMessage()));
    }

    /** Anything unexpected: logged with an id the user can quote; the answer tells nothing more. */
    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        if (databaseAway(e)) {
            log.warn("Refused a request: the database is not reachable ({})", rootMessage(e));
            return problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnreachable.CODE, DatabaseUnreachable.MESSAGE);
        }
        var incident = UUID.randomUUID();
        log.error("Unexpected error, incident {}", incident, e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Something went wrong on our side; quote incident " + incident);
    }

    /**
     * The database went away mid-transaction: the statement or the commit failed for it, and then the rollback
     * failed on the dead connection, whose exception (which says only "Connection is closed") hides the first.
     */
    private static boolean databaseAway(Exception e) {
        return DatabaseUnreachable.causes(e)
                || (e instanceof TransactionSystemException failed
                        && (failed.contains(java.sql.SQLException.class)
                                || (failed.getApplicationException() != null
                                        && DatabaseUnreachable.causes(failed.getApplicationException()))));
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:linetrace:problem:" + code));
        return ResponseEntity.status(status).body(problem);
    }

    /** What is wrong with a typed id ({@code StationId}, {@code Serial}…) that a request carried, if that failed. */
    private static @Nullable String malformedId(Throwable e) {
        var id = cause(e, MalformedIdException.class);
        if (id != null) {
            return id.getMessage();
        }
        var serial = cause(e, MalformedSerialException.class);
        return serial == null ? null : serial.getMessage();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static <T extends Throwable> @Nullable T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
