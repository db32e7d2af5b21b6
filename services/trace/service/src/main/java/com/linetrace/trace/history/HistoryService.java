package com.linetrace.trace.history;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.trace.api.HistoryEntry;
import com.linetrace.trace.api.UnitHistory;
import com.linetrace.trace.api.UnknownSerialException;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The in-process binding of {@link UnitHistory}: what the plant's UI calls, and what the controller serves. */
class HistoryService implements UnitHistory {

    private final HistoryRepository repository;

    HistoryService(HistoryRepository repository) {
        this.repository = repository;
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public List<HistoryEntry> history(Serial serial) {
        var entries = repository.history(serial);
        if (entries.isEmpty()) {
            throw UnknownSerialException.of(serial);
        }
        return entries;
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    public List<HistoryEntry> latest(LineId line, int limit) {
        return repository.latest(line.value(), Math.clamp(limit, 1, 500));
    }
}
