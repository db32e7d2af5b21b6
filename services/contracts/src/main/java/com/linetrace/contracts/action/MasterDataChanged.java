package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person added or changed master data: a line, a station, a product model, or a model's route (a new version, with
 * its operations, bills of materials and pack-out rules). {@code before} and {@code after} are the thing as the owning
 * service's api shows it, as JSON text, so an auditor sees exactly what changed. Who, when and from where are the
 * envelope's actor, occurred-at and origin.
 *
 * @param subject {@code line}, {@code station}, {@code model} or {@code route}
 * @param id the thing's id: the line's, station's or model's; for a route, the model's
 * @param before what it was (for a route, the version it replaces), null when it is new
 * @param after what it is now
 */
public record MasterDataChanged(
        String subject, String id, @Nullable String before, String after) implements AuditAction {

    /** The subjects the plant's master data has. */
    public static final Set<String> SUBJECTS = Set.of("line", "station", "model", "route");

    /**
     * The most of {@code before} and of {@code after}, in characters: both fit one event (256 KiB) even with every
     * quote escaped. The owning service refuses a change larger than this, since it could not be recorded.
     */
    public static final int MAX_STATE = 60_000;

    public MasterDataChanged {
        if (!SUBJECTS.contains(Objects.requireNonNull(subject, "subject"))) {
            throw new IllegalArgumentException("subject is one of " + SUBJECTS);
        }
        Text.require("id", id, Text.ID);
        Text.optional("before", before, MAX_STATE);
        Text.require("after", after, MAX_STATE);
    }
}
