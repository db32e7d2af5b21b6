package com.linetrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.TransactionSystemException;

/**
 * The fault run's case that DatabaseOutageIT's clean stops do not hit: PostgreSQL goes away between a scan's statement
 * and its commit, the commit fails, and then the rollback fails on the dead connection with an exception that says
 * only "Connection is closed" (no SQLSTATE). It seemed a fault of ours (500); it is the database being away (503).
 */
class ApiProblemsTests {

    @Test
    void aRollbackFailingOnADeadConnectionIsTheDatabaseBeingAway() throws Exception {
        var answer = new ApiProblems()
                .unexpected(new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed")));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(((ProblemDetail) answer.getBody()).getType().toString())
                .isEqualTo("urn:linetrace:problem:database-unavailable");
    }

    @Test
    void anythingElseUnexpectedStaysAnIncident() throws Exception {
        var answer = new ApiProblems().unexpected(new IllegalStateException("a bug"));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
    }
}
