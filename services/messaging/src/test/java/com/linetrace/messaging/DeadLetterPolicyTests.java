package com.linetrace.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DeadLetterPolicyTests {

    @Test
    void waitsForTheDatabaseInsteadOfDeadLetteringGoodEvents() {
        assertThat(MessagingAutoConfiguration.databaseUnavailable(new ListenerExecutionFailedException(
                        "listener failed", new CannotCreateTransactionException("no connection"))))
                .isTrue();
        assertThat(MessagingAutoConfiguration.databaseUnavailable(new CannotGetJdbcConnectionException("down")))
                .isTrue();
    }

    /**
     * PostgreSQL went away inside a listener's transaction: the statement failed for it, then the rollback failed on
     * the dead connection with "Connection is closed" and no SQLSTATE, and Spring throws the rollback's failure with the
     * first one only attached as its application exception (the fault run saw this shape on the HTTP side). A good
     * equipment result was dead-lettered by DatabaseOutageIT in one run of three.
     */
    @Test
    void waitsForTheDatabaseWhenTheRollbackOnTheDeadConnectionHidesWhyTheListenerFailed() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new SQLException("Connection refused", "08001")));
        assertThat(MessagingAutoConfiguration.databaseUnavailable(
                        new ListenerExecutionFailedException("listener failed", rollback)))
                .isTrue();
        assertThat(MessagingAutoConfiguration.databaseUnavailable(new ListenerExecutionFailedException(
                        "listener failed",
                        new TransactionSystemException(
                                "JDBC rollback failed", new SQLException("Connection is closed")))))
                .isTrue();
    }

    @Test
    void deadLettersWhatIsWrongWithTheRecordItself() {
        assertThat(MessagingAutoConfiguration.databaseUnavailable(new DataIntegrityViolationException("duplicate")))
                .isFalse();
        assertThat(MessagingAutoConfiguration.databaseUnavailable(new IllegalStateException("bug")))
                .isFalse();
    }

    @Test
    void givesTheRefusingExceptionsWordsAsTheReasonRatherThanTheListenerWrapper() {
        assertThat(MessagingAutoConfiguration.reasonOf(new ListenerExecutionFailedException(
                        "Listener method 'void on(ConsumerRecord)' threw exception",
                        new com.linetrace.contracts.MalformedEventException("Missing field 'body'"))))
                .isEqualTo("Missing field 'body'");
        assertThat(MessagingAutoConfiguration.reasonOf(
                        new ListenerExecutionFailedException("listener failed", new NullPointerException())))
                .isEqualTo("NullPointerException");
        assertThat(MessagingAutoConfiguration.reasonOf(new ListenerExecutionFailedException(
                        "listener failed",
                        new DataIntegrityViolationException(
                                "PreparedStatementCallback; SQL [insert into trace.unit_event …]",
                                new java.sql.SQLException("ERROR: value too long for type character varying(40)")))))
                .isEqualTo("ERROR: value too long for type character varying(40)");
    }
}
