package com.linetrace.contracts;

/** The roles of the plant's people; every view and endpoint names the ones allowed. */
public final class Roles {

    public static final String OPERATOR = "OPERATOR";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String MANAGER = "MANAGER";
    public static final String QUALITY = "QUALITY";
    public static final String ENGINEER = "ENGINEER";
    public static final String ADMIN = "ADMIN";

    /**
     * Not a person's role: station equipment the plant registered (a flash fixture, a key station), signing in with
     * its own id and secret. Only equipment may report equipment results; no person's role may.
     */
    public static final String EQUIPMENT = "EQUIPMENT";

    /** Every role of a person, from the floor up ({@link #EQUIPMENT} is not one). */
    public static final java.util.List<String> ALL =
            java.util.List.of(OPERATOR, SUPERVISOR, MANAGER, QUALITY, ENGINEER, ADMIN);

    private Roles() {}
}
