package com.linetrace.plant.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.deadletter.api.DeadLetterDecision;
import com.linetrace.deadletter.api.DeadLetterProblem;
import com.linetrace.deadletter.api.DeadLetters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/**
 * What {@link DeadLetters} promises, whichever binding answers: pages of dead letters for quality, a decision only
 * with a reason and only on a dead letter that exists, and nothing for a role that is not quality's or an admin's.
 */
abstract class DeadLettersContract {

    /** No dead letter has this number: the desk's numbers start at 1 and never come near it. */
    private static final long NONE = Long.MAX_VALUE;

    abstract DeadLetters deadLetters();

    @BeforeEach
    void signIn() {
        TestTokens.signIn("quality", Roles.QUALITY);
    }

    @AfterEach
    void signOut() {
        TestTokens.signOut();
    }

    @Test
    void answersAPageOfDeadLettersNewestFirst() {
        var page = deadLetters().list(null, 0);

        assertThat(page.page()).isZero();
        assertThat(page.pageSize()).isPositive();
        assertThat(page.letters()).hasSizeLessThanOrEqualTo(page.pageSize());
        assertThat(page.total()).isGreaterThanOrEqualTo(page.letters().size());
        assertThat(page.letters()).isSortedAccordingTo((a, b) -> b.failedAt().compareTo(a.failedAt()));
        assertThat(deadLetters().topics()).doesNotHaveDuplicates();
    }

    @Test
    void refusesANegativePage() {
        assertThatThrownBy(() -> deadLetters().list(null, -1))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(DeadLetterProblem.INVALID_REQUEST))
                .hasMessage("page must be 0 or more");
    }

    @Test
    void refusesADecisionWithoutAReason() {
        assertThatThrownBy(() -> deadLetters().replay(NONE, new DeadLetterDecision(" ")))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(DeadLetterProblem.INVALID_REQUEST))
                .hasMessage("A reason is required");
    }

    @Test
    void refusesADecisionOnADeadLetterThatDoesNotExist() {
        assertThatThrownBy(() -> deadLetters().discard(NONE, new DeadLetterDecision("checked, nothing to do")))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(DeadLetterProblem.DEAD_LETTER_NOT_FOUND))
                .hasMessage("No dead letter " + NONE);
    }

    @Test
    void refusesAnOperator() {
        TestTokens.signIn("operator", Roles.OPERATOR);

        assertThatThrownBy(() -> deadLetters().list(null, 0)).isInstanceOf(AccessDeniedException.class);
    }
}
