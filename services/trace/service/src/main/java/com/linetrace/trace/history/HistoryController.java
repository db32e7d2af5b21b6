package com.linetrace.trace.history;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.trace.api.HistoryEntry;
import com.linetrace.trace.api.UnitHistory;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link UnitHistory} over HTTP: the mappings are the interface's own {@code @HttpExchange}s, so the server and its
 * remote clients cannot disagree on a path. The roles named here are checked before the body is read, and again by the service; its refusals are answered by the
 * API's problem handling with their own status and type.
 */
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
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
}
