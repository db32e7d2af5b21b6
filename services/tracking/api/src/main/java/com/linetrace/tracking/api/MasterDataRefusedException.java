package com.linetrace.tracking.api;

/** Why master data was not saved, in words; {@link #conflict()} when it clashes with what already exists. */
public class MasterDataRefusedException extends RuntimeException {

    private final boolean conflict;

    public MasterDataRefusedException(String message) {
        this(message, false);
    }

    public MasterDataRefusedException(String message, boolean conflict) {
        super(message);
        this.conflict = conflict;
    }

    public boolean conflict() {
        return conflict;
    }
}
