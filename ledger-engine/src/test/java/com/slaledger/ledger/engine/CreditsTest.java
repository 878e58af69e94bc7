package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;

import com.slaledger.ledger.engine.Credits.Claim;
import com.slaledger.ledger.engine.Credits.ClaimMode;
import com.slaledger.ledger.engine.Credits.Credit;
import com.slaledger.ledger.engine.Credits.Kind;
import com.slaledger.ledger.engine.Credits.Owed;
import com.slaledger.ledger.engine.Credits.Refusal;
import com.slaledger.ledger.engine.Credits.Status;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The life of a credit (SPEC §17), every transition, legal and illegal. October 2026 in UTC ends
 * 1 Nov 00:00; with a grace of an hour and a claim window of 30 days the claim deadline is 1 Nov
 * 00:00 + 1 h + 30 × 86,400 s = 1 Dec 01:00.
 */
class CreditsTest {

    private static final long END = t("2026-11-01T00:00:00Z");
    private static final long GRACE = 3600;
    private static final Claim REQUIRED = new Claim(ClaimMode.REQUIRED, 30L * 86_400);
    private static final long DEADLINE = t("2026-12-01T01:00:00Z");

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private static Owed owed(int version, String percent, String amount) {
        return new Owed(version, new BigDecimal(percent), amount == null ? null : eur(amount));
    }

    private static Credit credit(Status status, String percent, String amount, int version) {
        return new Credit("c1", Kind.CREDIT, status, new BigDecimal(percent), eur(amount), version, DEADLINE);
    }

    @Test
    void theDeadlineIsThePeriodsEndPlusGracePlusTheWindow() {
        assertThat(REQUIRED.deadline(END, GRACE)).isEqualTo(DEADLINE);
        assertThat(Claim.AUTOMATIC.deadline(END, GRACE)).isNull();
    }

    @Test
    void aFinalStatementWithACreditCreatesOne_DueWhenAutomatic_PendingWhenClaimsAreRequired() {
        var auto = Credits.onStatement(List.of(), owed(1, "10", "100.00"), Claim.AUTOMATIC, null);
        assertThat(auto).singleElement().satisfies(c -> {
            assertThat(c.created()).isTrue();
            assertThat(c.after().status()).isEqualTo(Status.DUE);
            assertThat(c.after().kind()).isEqualTo(Kind.CREDIT);
            assertThat(c.after().amount().amount()).isEqualByComparingTo("100.00");
            assertThat(c.after().claimDeadline()).isNull();
        });
        var required = Credits.onStatement(List.of(), owed(1, "10", "100.00"), REQUIRED, DEADLINE);
        assertThat(required.get(0).after().status()).isEqualTo(Status.PENDING_CLAIM);
        assertThat(required.get(0).after().claimDeadline()).isEqualTo(DEADLINE);
    }

    @Test
    void aStatementWithoutACreditCreatesNothing() {
        assertThat(Credits.onStatement(List.of(), owed(1, "0", "0.00"), Claim.AUTOMATIC, null))
                .isEmpty();
    }

    @Test
    void aClaimBeforeTheDeadlineMakesItDue_atOrAfterItIsRefusedNamingTheDeadline() {
        Credit pending = credit(Status.PENDING_CLAIM, "10", "100.00", 1);
        assertThat(Credits.claim(pending, DEADLINE - 1).to()).isEqualTo(Status.DUE);
        var late = Credits.claim(pending, DEADLINE);
        assertThat(late.legal()).isFalse();
        assertThat(late.refusal()).isEqualTo(Refusal.UNPROCESSABLE);
        assertThat(Credits.claim(credit(Status.EXPIRED, "10", "100.00", 1), DEADLINE - 1)
                        .refusal())
                .isEqualTo(Refusal.UNPROCESSABLE);
        assertThat(Credits.claim(credit(Status.VOID, "10", "100.00", 1), 0).refusal())
                .isEqualTo(Refusal.UNPROCESSABLE);
        for (Status s : EnumSet.of(Status.DUE, Status.APPROVED, Status.APPLIED)) {
            assertThat(Credits.claim(credit(s, "10", "100.00", 1), 0).refusal())
                    .as(s.name())
                    .isEqualTo(Refusal.CONFLICT);
        }
    }

    @Test
    void onlyDueIsApproved_onlyApprovedIsApplied_everythingElseIsAConflict() {
        for (Status s : Status.values()) {
            var approve = Credits.approve(credit(s, "10", "100.00", 1));
            var apply = Credits.apply(credit(s, "10", "100.00", 1));
            if (s == Status.DUE) {
                assertThat(approve.to()).isEqualTo(Status.APPROVED);
            } else {
                assertThat(approve.refusal()).as("approve " + s).isEqualTo(Refusal.CONFLICT);
            }
            if (s == Status.APPROVED) {
                assertThat(apply.to()).isEqualTo(Status.APPLIED);
            } else {
                assertThat(apply.refusal()).as("apply " + s).isEqualTo(Refusal.CONFLICT);
            }
        }
    }

    @Test
    void anUnclaimedCreditExpiresAtItsDeadline_andNothingElseExpires() {
        assertThat(Credits.expires(credit(Status.PENDING_CLAIM, "10", "100.00", 1), DEADLINE - 1))
                .isFalse();
        assertThat(Credits.expires(credit(Status.PENDING_CLAIM, "10", "100.00", 1), DEADLINE))
                .isTrue();
        for (Status s : EnumSet.complementOf(EnumSet.of(Status.PENDING_CLAIM))) {
            assertThat(Credits.expires(credit(s, "10", "100.00", 1), DEADLINE + 1))
                    .as(s.name())
                    .isFalse();
        }
        assertThat(Credits.nextExpiry(
                        List.of(credit(Status.PENDING_CLAIM, "10", "100.00", 1), credit(Status.DUE, "10", "100.00", 1)),
                        DEADLINE - 10))
                .isEqualTo(DEADLINE);
        assertThat(Credits.nextExpiry(List.of(credit(Status.PENDING_CLAIM, "10", "100.00", 1)), DEADLINE))
                .isNull();
    }

    /** Version 2 says 25% = 250.00: an unsettled credit (DUE here) takes it; the status stays. */
    @Test
    void anAmendedStatementMovesAnUnsettledCredit() {
        for (Status s : EnumSet.of(Status.PENDING_CLAIM, Status.DUE, Status.APPROVED)) {
            var changes = Credits.onStatement(
                    List.of(credit(s, "10", "100.00", 1)), owed(2, "25", "250.00"), REQUIRED, DEADLINE);
            assertThat(changes).as(s.name()).singleElement().satisfies(c -> {
                assertThat(c.after().status()).isEqualTo(s);
                assertThat(c.after().amount().amount()).isEqualByComparingTo("250.00");
                assertThat(c.after().statementVersion()).isEqualTo(2);
                assertThat(c.after().creditId()).isEqualTo("c1");
            });
        }
    }

    /** Version 2 has no credit: the unsettled credit is VOID; version 3 brings 10% back: DUE again. */
    @Test
    void anUnsettledCreditThatDisappearsIsVoid_andComesBackWithTheCredit() {
        var gone = Credits.onStatement(
                List.of(credit(Status.APPROVED, "10", "100.00", 1)), owed(2, "0", "0.00"), Claim.AUTOMATIC, null);
        assertThat(gone.get(0).after().status()).isEqualTo(Status.VOID);
        var back = Credits.onStatement(List.of(gone.get(0).after()), owed(3, "10", "100.00"), Claim.AUTOMATIC, null);
        assertThat(back.get(0).after().status()).isEqualTo(Status.DUE);
        assertThat(back.get(0).after().statementVersion()).isEqualTo(3);
        assertThat(Credits.onStatement(List.of(gone.get(0).after()), owed(3, "0", "0.00"), Claim.AUTOMATIC, null))
                .as("VOID stays VOID while there is no credit")
                .isEmpty();
    }

    @Test
    void theSameFiguresChangeNothing_whateverTheScale() {
        assertThat(Credits.onStatement(
                        List.of(credit(Status.DUE, "10", "100.00", 2)),
                        owed(2, "10.0", "100.0"),
                        Claim.AUTOMATIC,
                        null))
                .isEmpty();
    }

    @Test
    void anExpiredCreditStaysExpired() {
        assertThat(Credits.onStatement(
                        List.of(credit(Status.EXPIRED, "10", "100.00", 1)),
                        owed(2, "25", "250.00"),
                        REQUIRED,
                        DEADLINE))
                .isEmpty();
    }

    /**
     * 100.00 was applied on an invoice. Version 2 says 250.00: an ADJUSTMENT of +150.00 (15%),
     * DUE. Version 3 says 50.00 before the adjustment is settled: it moves to −50.00 (−5%).
     * Applied, then version 4 says 100.00 again (applied total 100 − 50 = 50): a new adjustment
     * of +50.00.
     */
    @Test
    void anAppliedCreditsStatementChangeIsAnAdjustment_positiveOrNegative() {
        Credit applied = credit(Status.APPLIED, "10", "100.00", 1);
        var up = Credits.onStatement(List.of(applied), owed(2, "25", "250.00"), Claim.AUTOMATIC, null);
        assertThat(up).singleElement().satisfies(c -> {
            assertThat(c.created()).isTrue();
            assertThat(c.after().kind()).isEqualTo(Kind.ADJUSTMENT);
            assertThat(c.after().status()).isEqualTo(Status.DUE);
            assertThat(c.after().amount().amount()).isEqualByComparingTo("150.00");
            assertThat(c.after().percent()).isEqualByComparingTo("15");
        });
        Credit adjustment = new Credit("a1", Kind.ADJUSTMENT, Status.DUE, new BigDecimal("15"), eur("150.00"), 2, null);
        var down = Credits.onStatement(List.of(applied, adjustment), owed(3, "5", "50.00"), Claim.AUTOMATIC, null);
        assertThat(down).singleElement().satisfies(c -> {
            assertThat(c.created()).isFalse();
            assertThat(c.after().creditId()).isEqualTo("a1");
            assertThat(c.after().amount().amount()).isEqualByComparingTo("-50.00");
        });
        Credit settled =
                new Credit("a1", Kind.ADJUSTMENT, Status.APPLIED, new BigDecimal("-5"), eur("-50.00"), 3, null);
        var again = Credits.onStatement(List.of(applied, settled), owed(4, "10", "100.00"), Claim.AUTOMATIC, null);
        assertThat(again).singleElement().satisfies(c -> {
            assertThat(c.created()).isTrue();
            assertThat(c.after().amount().amount()).isEqualByComparingTo("50.00");
        });
        assertThat(Credits.onStatement(List.of(applied, settled), owed(5, "5", "50.00"), Claim.AUTOMATIC, null))
                .as("the applied total already equals what is owed")
                .isEmpty();
    }

    /** An open adjustment whose difference goes back to nothing is VOID. */
    @Test
    void anOpenAdjustmentWithNothingLeftIsVoid() {
        Credit applied = credit(Status.APPLIED, "10", "100.00", 1);
        Credit adjustment =
                new Credit("a1", Kind.ADJUSTMENT, Status.APPROVED, new BigDecimal("15"), eur("150.00"), 2, null);
        var changes = Credits.onStatement(List.of(applied, adjustment), owed(3, "10", "100.00"), Claim.AUTOMATIC, null);
        assertThat(changes.get(0).after().status()).isEqualTo(Status.VOID);
    }

    /** Without a monthly fee, amounts are null and the percent is what follows. */
    @Test
    void withoutAFeeThePercentFollows() {
        Credit applied = new Credit("c1", Kind.CREDIT, Status.APPLIED, new BigDecimal("10"), null, 1, null);
        var up = Credits.onStatement(List.of(applied), owed(2, "25", null), Claim.AUTOMATIC, null);
        assertThat(up.get(0).after().percent()).isEqualByComparingTo("15");
        assertThat(up.get(0).after().amount()).isNull();
    }
}
