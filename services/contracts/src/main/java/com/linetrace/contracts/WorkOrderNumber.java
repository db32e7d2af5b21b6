package com.linetrace.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A work order's number as tracking issues it: {@code WO-} and a sequence of at least six digits
 * ({@code WO-000042}), 20 characters at most. Printed on the work order's labels.
 */
public record WorkOrderNumber(@JsonValue String value) {

    public static final int MAX_LENGTH = 20;
    private static final String PREFIX = "WO-";
    private static final int MIN_DIGITS = 6;

    public WorkOrderNumber {
        var problem = problemWith(value);
        if (problem != null) {
            throw new MalformedIdException(problem);
        }
    }

    /** Reads a typed or scanned work order number, or says in plain words what is wrong with it. */
    @JsonCreator
    public static WorkOrderNumber parse(String text) {
        return new WorkOrderNumber(text);
    }

    /** The number of the work order with this sequence, zero-padded to six digits. */
    public static WorkOrderNumber of(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("A work order sequence is not negative");
        }
        return new WorkOrderNumber(PREFIX + String.format(Locale.ROOT, "%0" + MIN_DIGITS + "d", sequence));
    }

    private static @Nullable String problemWith(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "The work order number is empty";
        }
        if (text.length() > MAX_LENGTH) {
            return "The work order number has " + text.length() + " characters; it has at most " + MAX_LENGTH;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                return "The work order number has " + PlantIds.describe(c) + " at position " + (i + 1)
                        + "; it uses only capitals, digits and a dash";
            }
        }
        if (!text.startsWith(PREFIX)) {
            return "A work order number starts with " + PREFIX;
        }
        var digits = text.substring(PREFIX.length());
        if (digits.length() < MIN_DIGITS || !digits.chars().allMatch(Character::isDigit)) {
            return "A work order number is " + PREFIX + " and at least " + MIN_DIGITS + " digits";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
