package com.slaledger.ledger.audit;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log's hash chain: any rewritten, removed or reordered entry is found. */
class AuditChainTest {

    private static List<AuditChain.Stored> written(int n) {
        List<AuditChain.Stored> log = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            var f = new AuditChain.Fields(
                    i,
                    "2026-11-26T12:00:0" + i + "Z",
                    "operator",
                    "CONTRACT_REPLACED",
                    "contract/acme",
                    i == 1 ? null : "{\"v\":" + (i - 1) + "}",
                    "{\"v\":" + i + "}");
            String hash = AuditChain.hash(prev, f);
            log.add(new AuditChain.Stored(f, prev, hash, null));
            prev = hash;
        }
        return log;
    }

    @Test
    void aLogAsWrittenHolds() {
        assertThat(AuditChain.firstBroken(AuditChain.GENESIS, written(5))).isEmpty();
        assertThat(AuditChain.firstBroken(AuditChain.GENESIS, List.of())).isEmpty();
    }

    @Test
    void aRewrittenDocumentIsFoundAtItsEntry() {
        List<AuditChain.Stored> log = written(5);
        var e = log.get(2);
        var f = e.fields();
        // the "after" of entry 3 changed in place, hashes left as they were
        log.set(
                2,
                new AuditChain.Stored(
                        new AuditChain.Fields(
                                f.seq(), f.at(), f.actor(), f.action(), f.resource(), f.before(), "{\"v\":99}"),
                        e.prevHash(),
                        e.hash(),
                        null));
        assertThat(AuditChain.firstBroken(AuditChain.GENESIS, log)).hasValue(3);
    }

    @Test
    void aRewriteThatRecomputesItsOwnHashBreaksTheNextEntry() {
        List<AuditChain.Stored> log = written(5);
        var e = log.get(2);
        var f = e.fields();
        var forged =
                new AuditChain.Fields(f.seq(), f.at(), "someone-else", f.action(), f.resource(), f.before(), f.after());
        log.set(2, new AuditChain.Stored(forged, e.prevHash(), AuditChain.hash(e.prevHash(), forged), null));
        assertThat(AuditChain.firstBroken(AuditChain.GENESIS, log)).hasValue(4);
    }

    @Test
    void aRemovedEntryIsFound() {
        List<AuditChain.Stored> log = written(5);
        log.remove(1);
        assertThat(AuditChain.firstBroken(AuditChain.GENESIS, log)).hasValue(3);
    }

    @Test
    void nullAndTheTextNullAreDifferentDocuments() {
        var created = new AuditChain.Fields(1, "2026-11-26T12:00:00Z", "op", "CREATED", "contract/a", null, "{}");
        var forged = new AuditChain.Fields(1, "2026-11-26T12:00:00Z", "op", "CREATED", "contract/a", "null", "{}");
        assertThat(AuditChain.hash(AuditChain.GENESIS, created))
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, forged));
    }
}
