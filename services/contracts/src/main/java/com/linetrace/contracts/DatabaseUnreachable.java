package com.linetrace.contracts;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure to reach PostgreSQL from a fault of ours, for every edge that answers a person (the HTTP API, the
 * UI): while the database is down, the answer is a clear refusal that says nothing was recorded, never a 500.
 * Spring's and the pool's exceptions all carry the driver's connection failure as a cause.
 */
public final class DatabaseUnreachable {

    /** The problem type's code and the words a worker reads. */
    public static final String CODE = "database-unavailable";

    public static final String MESSAGE = "The plant database is not reachable — nothing was recorded, scan again";

    private DatabaseUnreachable() {}

    /**
     * SQLSTATE class 08 is "connection exception", whatever the driver's exception class; 57P01–57P03 are the
     * server shutting down, crashed or starting up, which a connection in the pool meets first.
     */
    private static boolean isConnectionLoss(String state) {
        return state != null
                && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionLoss(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
