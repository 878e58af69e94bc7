package com.slaledger.ledger.evaluation;

import java.time.Instant;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import com.slaledger.testing.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** A contract's change mark is not lost to a change that commits while the evaluator works. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class ChangeMarkTest {

    @Inject
    ChangeMarkRepository marks;

    private static <T> T tx(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }

    @Test
    void aChangeThatLeavesTheSameInstantStillKeepsTheMark() throws Throwable {
        String contract = unique("mark");
        Instant since = Instant.parse("2026-09-15T00:00:00Z");
        tx(() -> marks.contractChanged(contract, since));
        // the evaluator reads the mark and starts loading the contract's inputs ...
        ChangeMarkRepository.ContractMark read = tx(() -> marks.contracts()).get(contract);
        assertThat(read.changedSince()).isEqualTo(since);
        // ... a late ticket of the same instant commits meanwhile ...
        tx(() -> marks.contractChanged(contract, since));
        // ... and the evaluator, done with what it had read, clears the mark it read
        tx(() -> marks.clearContract(contract, read.version()));
        // the late ticket's mark survives (clearing by instant deleted it: September was never evaluated again)
        assertThat(tx(() -> marks.contracts())).containsKey(contract);

        ChangeMarkRepository.ContractMark again = tx(() -> marks.contracts()).get(contract);
        tx(() -> marks.clearContract(contract, again.version()));
        assertThat(tx(() -> marks.contracts())).doesNotContainKey(contract);
    }
}
