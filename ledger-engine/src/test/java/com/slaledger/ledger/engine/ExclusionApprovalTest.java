package com.slaledger.ledger.engine;

import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.ExclusionApproval.Mode.SECOND_OPERATOR;
import static com.slaledger.ledger.engine.ExclusionApproval.Mode.SELF;
import static com.slaledger.ledger.engine.ExclusionApproval.Status.APPROVED;
import static com.slaledger.ledger.engine.ExclusionApproval.Status.PROPOSED;
import static com.slaledger.ledger.engine.ExclusionApproval.Status.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §16.1: every decision on an exclusion, legal and not. */
class ExclusionApprovalTest {

    @Test
    void aSecondOperatorApprovesTheProposerDoesNot() {
        assertThat(ExclusionApproval.refusal(PROPOSED, "ana", "ben", true, SECOND_OPERATOR))
                .isNull();
        assertThat(ExclusionApproval.refusal(PROPOSED, "ana", "ana", true, SECOND_OPERATOR))
                .contains("second operator");
    }

    @Test
    void withSelfTheProposerMayApprove() {
        assertThat(ExclusionApproval.refusal(PROPOSED, "ana", "ana", true, SELF))
                .isNull();
    }

    @Test
    void anyOperatorMayRejectEvenTheProposer() {
        assertThat(ExclusionApproval.refusal(PROPOSED, "ana", "ana", false, SECOND_OPERATOR))
                .isNull();
        assertThat(ExclusionApproval.refusal(PROPOSED, "ana", "ben", false, SECOND_OPERATOR))
                .isNull();
    }

    @Test
    void aDecidedExclusionIsNotDecidedAgain() {
        for (var status : new ExclusionApproval.Status[] {APPROVED, REJECTED}) {
            for (boolean approve : new boolean[] {true, false}) {
                assertThat(ExclusionApproval.refusal(status, "ana", "ben", approve, SELF))
                        .contains("only a PROPOSED");
            }
        }
    }
}
