package com.linetrace.trace.api;

import com.linetrace.contracts.Serial;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.WorkOrderNumber;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link UnitSearch} asks for: every criterion given must hold (they combine with AND); at least one is
 * needed. A station needs a time window ({@code from} inclusive, {@code to} exclusive, at most
 * {@link #MAX_WINDOW_DAYS} days), and a window needs a station. {@code lot} matches any part number unless
 * {@code partNumber} is given; {@code partNumber} alone is refused (it is in nearly every unit).
 */
public record SearchCriteria(
        @Nullable Serial serial,
        @Nullable WorkOrderNumber workOrder,
        @Nullable String partNumber,
        @Nullable String lot,
        @Nullable String partSerial,
        @Nullable String firmwareVersion,
        @Nullable StationId station,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String defect,
        @Nullable UnitStatus status) {

    /** The longest time window a search at a station may span. */
    public static final int MAX_WINDOW_DAYS = 31;

    /** No criterion yet; add them with the withers. */
    public static SearchCriteria none() {
        return new SearchCriteria(null, null, null, null, null, null, null, null, null, null, null);
    }

    public SearchCriteria serial(@Nullable Serial value) {
        return new SearchCriteria(
                value, workOrder, partNumber, lot, partSerial, firmwareVersion, station, from, to, defect, status);
    }

    public SearchCriteria workOrder(@Nullable WorkOrderNumber value) {
        return new SearchCriteria(
                serial, value, partNumber, lot, partSerial, firmwareVersion, station, from, to, defect, status);
    }

    public SearchCriteria lot(@Nullable String partNumberOrNull, @Nullable String value) {
        return new SearchCriteria(
                serial,
                workOrder,
                partNumberOrNull,
                value,
                partSerial,
                firmwareVersion,
                station,
                from,
                to,
                defect,
                status);
    }

    public SearchCriteria partSerial(@Nullable String value) {
        return new SearchCriteria(
                serial, workOrder, partNumber, lot, value, firmwareVersion, station, from, to, defect, status);
    }

    public SearchCriteria firmwareVersion(@Nullable String value) {
        return new SearchCriteria(
                serial, workOrder, partNumber, lot, partSerial, value, station, from, to, defect, status);
    }

    public SearchCriteria atStation(@Nullable StationId value, @Nullable Instant fromIncl, @Nullable Instant toExcl) {
        return new SearchCriteria(
                serial,
                workOrder,
                partNumber,
                lot,
                partSerial,
                firmwareVersion,
                value,
                fromIncl,
                toExcl,
                defect,
                status);
    }

    public SearchCriteria defect(@Nullable String value) {
        return new SearchCriteria(
                serial, workOrder, partNumber, lot, partSerial, firmwareVersion, station, from, to, value, status);
    }

    public SearchCriteria status(@Nullable UnitStatus value) {
        return new SearchCriteria(
                serial, workOrder, partNumber, lot, partSerial, firmwareVersion, station, from, to, defect, value);
    }
}
