package com.linetrace.trace.history;

import com.linetrace.contracts.Serial;
import com.linetrace.trace.api.HistoryEntry;
import com.linetrace.trace.api.UnitHistory;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
class HistoryService implements UnitHistory {

    private final HistoryRepository repository;

    HistoryService(HistoryRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<HistoryEntry> history(Serial serial) {
        return repository.history(serial);
    }

    @Override
    public List<HistoryEntry> latest(String lineId, int limit) {
        return repository.latest(lineId, Math.clamp(limit, 1, 500));
    }
}
