package com.linetrace.deadletter.api;

/** Where a dead letter stands: waiting for a person, or settled once and for all by a replay or a discard. */
public enum DeadLetterState {
    NEW,
    REPLAYED,
    DISCARDED
}
