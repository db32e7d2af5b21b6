package com.linetrace.ui.health;

import com.linetrace.contracts.DatabaseUnreachable;
import com.linetrace.contracts.problem.ProblemException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a service call failed because the plant database is away. Besides {@link DatabaseUnreachable}'s cases: the
 * database went away mid-transaction, and the rollback's failure on the dead connection (a JDBC failure to end the
 * transaction) hides the first failure; and, for a service called over HTTP, its answer that its database is away.
 */
public final class DatabaseAway {

    private DatabaseAway() {}

    public static boolean causes(Throwable e) {
        return DatabaseUnreachable.causes(e)
                || (e instanceof ProblemException refused
                        && refused.problem().code().equals(DatabaseUnreachable.CODE))
                || (e instanceof TransactionSystemException failed
                        && (failed.contains(java.sql.SQLException.class)
                                || (failed.getApplicationException() != null
                                        && DatabaseUnreachable.causes(failed.getApplicationException()))));
    }
}
