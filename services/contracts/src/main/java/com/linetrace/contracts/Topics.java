package com.linetrace.contracts;

/**
 * The Kafka topics of the plant. Each is keyed by serial unless it says otherwise; its dead-letter topic has the same
 * partitions.
 */
public final class Topics {

    /** Every change of a unit, written by tracking through its outbox. */
    public static final String UNIT_EVENTS = "linetrace.unit-events.v1";

    /** Results reported by station equipment: flash fixtures, key stations, testers. */
    public static final String EQUIPMENT_RESULTS = "linetrace.equipment-results.v1";

    /** Verdicts of firmware and key-injection verification, written by provisioning through its outbox. */
    public static final String PROVISIONING_EVENTS = "linetrace.provisioning-events.v1";

    /**
     * What happened to a line as a whole (a work order released…), keyed by the line, in a
     * {@link com.linetrace.contracts.line.LineEventEnvelope}.
     */
    public static final String LINE_EVENTS = "linetrace.line-events.v1";

    /**
     * What people did (replayed or discarded a dead letter…), for the audit ledger; keyed by the actor, written by
     * every service through its outbox.
     */
    public static final String AUDIT_ACTIONS = "linetrace.audit-actions.v1";

    private Topics() {}

    /** The topic where records of {@code topic} that could not be processed go, with the reason in headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }
}
