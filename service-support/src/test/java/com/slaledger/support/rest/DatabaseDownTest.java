package com.slaledger.support.rest;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database cannot be reached" (a 503), and which are bugs (a 500). */
class DatabaseDownTest {

    @Test
    void refusedClosedOrTerminatedConnectionsAreTheDatabaseBeingDown() {
        assertThat(DatabaseDown.is(new RuntimeException("wrapped", new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(DatabaseDown.is(new IllegalStateException(
                        "FATAL: terminating connection due to administrator command (57P01)")))
                .isTrue();
        assertThat(DatabaseDown.is(new RuntimeException("x", new RuntimeException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseDown.is(new NullPointerException())).isFalse();
        assertThat(DatabaseDown.is(new IllegalStateException("duplicate key value violates unique constraint")))
                .isFalse();
        assertThat(DatabaseDown.is(null)).isFalse();
    }
}
