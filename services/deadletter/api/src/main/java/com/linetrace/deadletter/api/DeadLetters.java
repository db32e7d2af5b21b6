package com.linetrace.deadletter.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The plant's dead letters, for quality and admins: the caller is the signed-in user of Spring Security's context,
 * and any other role is refused with {@link org.springframework.security.access.AccessDeniedException}. Other
 * refusals throw {@link DeadLetterRefusedException}. A dead letter is settled once: replayed or discarded.
 */
public interface DeadLetters {

    /** The dead letters of one source topic, or of all when {@code topic} is null, newest first; pages from 0. */
    DeadLetterPage list(@Nullable String topic, int page);

    /** The source topics that have dead letters. */
    List<String> topics();

    /**
     * Sends the record's original key, value and headers to its source topic again (once the fault that stopped it
     * is fixed), and records who did it and why. Consumers deduplicate by event id, so replaying a record that was
     * in fact processed changes nothing.
     */
    DeadLetter replay(long id, String reason);

    /** Settles a dead letter without processing it, and records who did it and why. */
    DeadLetter discard(long id, String reason);
}
