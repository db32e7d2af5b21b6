package com.linetrace.trace.history;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.MalformedSerialException;
import com.linetrace.contracts.Serial;
import com.linetrace.trace.api.HistoryEntry;
import com.linetrace.trace.api.TraceProblem;
import com.linetrace.trace.api.UnitHistory;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * {@link UnitHistory} over HTTP: the mappings are the interface's own {@code @HttpExchange}s, so the server and its
 * remote clients cannot disagree on a path. The service checks the caller's roles; its refusals are answered by the
 * API's problem handling with their own status and type.
 */
@RestController
class HistoryController implements UnitHistory {

    private final HistoryService history;

    HistoryController(HistoryService history) {
        this.history = history;
    }

    @Override
    public List<HistoryEntry> history(Serial serial) {
        return history.history(serial);
    }

    @Override
    public List<HistoryEntry> latest(LineId line, int limit) {
        return history.latest(line, limit);
    }

    /** A path's text that is not a serial: what is wrong with it, in the words a line worker reads at a scanner. */
    @ExceptionHandler
    ProblemDetail malformed(MethodArgumentTypeMismatchException e) throws MethodArgumentTypeMismatchException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MalformedSerialException malformed) {
                var problem = ProblemDetail.forStatusAndDetail(
                        HttpStatus.valueOf(TraceProblem.MALFORMED_SERIAL.status()),
                        "Malformed serial: " + malformed.getMessage());
                problem.setType(URI.create(TraceProblem.MALFORMED_SERIAL.type()));
                return problem;
            }
        }
        throw e;
    }
}
