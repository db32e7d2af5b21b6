package com.linetrace.trace.query;

import com.linetrace.contracts.Text;
import com.linetrace.trace.api.TraceProblem;
import com.linetrace.trace.api.UnitPage;
import org.jspecify.annotations.Nullable;

/** The checks every query's parameters pass: text criteria, page sizes. */
final class Criteria {

    private Criteria() {}

    /** The text of a criterion, or null when absent; refused with what is wrong when it is not an identifier. */
    static @Nullable String text(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw TraceProblem.INVALID_CRITERION.exception(name + " is empty");
        }
        var problem = Text.problemWith(value, Text.ID);
        if (problem != null) {
            throw TraceProblem.INVALID_CRITERION.exception(name + " " + problem);
        }
        return value;
    }

    static int pageSize(@Nullable Integer size) {
        if (size == null) {
            return UnitPage.DEFAULT_SIZE;
        }
        if (size < 1 || size > UnitPage.MAX_SIZE) {
            throw TraceProblem.INVALID_PAGE_SIZE.exception(
                    "A page holds 1 to " + UnitPage.MAX_SIZE + " units; " + size + " was asked for");
        }
        return size;
    }
}
