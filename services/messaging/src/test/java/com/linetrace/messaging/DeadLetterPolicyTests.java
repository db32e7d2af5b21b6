package com.linetrace.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class DeadLetterPolicyTests {

    @Test
    void waitsForTheDatabaseInsteadOfDeadLetteringGoodEvents() {
        assertThat(MessagingAutoConfiguration.databaseUnavailable(new ListenerExecutionFailedException(
                        "listener failed", new CannotCreateTransactionException("no connection"))))
                .isTrue();
        assertThat(MessagingAutoConfiguration.databaseUnavailable(new CannotGetJdbcConnectionException("down")))
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
