package com.linetrace.trace.api;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.Serial;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The recorded life of units, built from the events tracking publishes. Called in-process (trace's bean) or over
 * HTTP (served by trace's controller, called through an HTTP interface client): the caller is the signed-in user,
 * who may have any plant role.
 */
@HttpExchange("/api")
public interface UnitHistory {

    /**
     * Every event of a unit, oldest first.
     *
     * @throws UnknownSerialException when trace has never heard of the serial (404 {@code unknown-serial})
     */
    @GetExchange("/units/{serial}/history")
    List<HistoryEntry> history(@PathVariable("serial") Serial serial);

    /**
     * The latest events of a line, newest first: {@code limit} of them, kept to 1–500. Under trace's own path (not
     * {@code /api/lines}, which is tracking's), so a gateway routes by prefix.
     */
    @GetExchange("/unit-events")
    List<HistoryEntry> latest(@RequestParam("line") LineId line, @RequestParam("limit") int limit);
}
