package com.linetrace.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnreachableTests {

    @Test
    void knowsALostOrRefusedConnectionHoweverDeepItIsWrapped() {
        assertThat(DatabaseUnreachable.causes(new RuntimeException(new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(DatabaseUnreachable.causes(new SQLException("terminating connection", "57P01")))
                .isTrue();
        assertThat(DatabaseUnreachable.causes(new IllegalStateException(new SQLTransientConnectionException("pool"))))
                .isTrue();
    }

    @Test
    void leavesEveryOtherFailureToTheCallersErrorHandling() {
        assertThat(DatabaseUnreachable.causes(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(DatabaseUnreachable.causes(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnreachable.causes(new IllegalArgumentException("bad")))
                .isFalse();
    }
}
