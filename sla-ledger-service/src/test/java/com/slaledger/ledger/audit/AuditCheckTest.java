package com.slaledger.ledger.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.slaledger.events.AuditAnchored;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verification against someone who holds the database but not the audit key (SPEC §12): a
 * rewritten entry whose hash and every later one were computed again, and the newest entries
 * deleted, are both reported; a log as written holds.
 */
class AuditCheckTest {

    private static final String KEY = "the-audit-key";

    /** Entries 1..n as the ledger writes them: chained, signed; the first {@code unsigned} without a signature. */
    private static List<AuditChain.Stored> written(int n, int unsigned) {
        List<AuditChain.Stored> log = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            var f = new AuditChain.Fields(
                    i,
                    "2026-11-26T12:00:0" + i + "Z",
                    "operator",
                    "CONTRACT_REPLACED",
                    "contract/acme",
                    null,
                    "{\"v\":" + i + "}");
            String hash = AuditChain.hash(prev, f);
            log.add(new AuditChain.Stored(f, prev, hash, i <= unsigned ? null : AuditChain.sign(KEY, i, hash)));
            prev = hash;
        }
        return log;
    }

    private static AuditAnchored head(List<AuditChain.Stored> log) {
        var last = log.get(log.size() - 1);
        long seq = last.fields().seq();
        return new AuditAnchored(seq, last.hash(), AuditChain.sign(KEY, seq, last.hash()), Instant.EPOCH);
    }

    private static AuditCheck.Verification verify(List<AuditChain.Stored> log, AuditAnchored anchor) {
        AuditCheck check = new AuditCheck(KEY, anchor);
        // two pages, as the resource reads them
        if (check.add(log.subList(0, Math.min(2, log.size())))) {
            check.add(log.subList(Math.min(2, log.size()), log.size()));
        }
        return check.result();
    }

    @Test
    void aLogAsWrittenHolds() {
        var log = written(5, 0);
        var v = verify(log, head(log));
        assertThat(v.valid()).isTrue();
        assertThat(v.entries()).isEqualTo(5);
        assertThat(v.anchoredSeq()).isEqualTo(5);
        assertThat(v.lastHash()).isEqualTo(log.get(4).hash());
        // entries from before the log was signed hold by their chain alone
        var older = written(5, 2);
        assertThat(verify(older, head(older)).valid()).isTrue();
    }

    /** Entry 3 rewritten, its hash and those of 4 and 5 computed again: the chain holds, the signature of 3 does not. */
    @Test
    void aRewriteWithEveryHashComputedAgainIsFound() {
        var log = written(5, 0);
        List<AuditChain.Stored> forged = new ArrayList<>(log.subList(0, 2));
        String prev = log.get(1).hash();
        for (int i = 2; i < 5; i++) {
            var f = log.get(i).fields();
            var g = i == 2
                    ? new AuditChain.Fields(
                            f.seq(), f.at(), f.actor(), f.action(), f.resource(), f.before(), "{\"v\":99}")
                    : f;
            String hash = AuditChain.hash(prev, g);
            forged.add(new AuditChain.Stored(g, prev, hash, log.get(i).signature()));
            prev = hash;
        }
        assertThat(AuditChain.firstBroken(AuditChain.GENESIS, forged)).isEmpty(); // the chain alone is fooled
        var v = verify(forged, null);
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(3);
        assertThat(v.problem()).contains("rewritten");
        // the signatures dropped instead: an unsigned entry after signed ones
        List<AuditChain.Stored> unsigned = new ArrayList<>(forged.subList(0, 2));
        forged.subList(2, 5)
                .forEach(e -> unsigned.add(new AuditChain.Stored(e.fields(), e.prevHash(), e.hash(), null)));
        assertThat(verify(unsigned, null).brokenAt()).isEqualTo(3);
    }

    /** Entries 4 and 5 deleted: the rest is a valid chain, but the anchored head is entry 5. */
    @Test
    void theNewestEntriesDeletedAreFound() {
        var log = written(5, 0);
        var anchor = head(log);
        var v = verify(log.subList(0, 3), anchor);
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(4);
        assertThat(v.problem()).contains("entries 4 to 5 are missing");
        // everything deleted
        assertThat(verify(List.of(), anchor).brokenAt()).isEqualTo(1);
        // without an anchor, a shortened log cannot be told from a short one
        assertThat(verify(log.subList(0, 3), null).valid()).isTrue();
    }

    @Test
    void anAnchorTheLogContradictsOrThatIsNotSignedIsReported() {
        var log = written(5, 0);
        var other = written(6, 0); // one more entry appended after the head was read
        var anchor = head(log);
        var wrongHash = new AuditAnchored(5, "f".repeat(64), AuditChain.sign(KEY, 5, "f".repeat(64)), Instant.EPOCH);
        assertThat(verify(log, wrongHash).brokenAt()).isEqualTo(5);
        var unsignedAnchor = new AuditAnchored(5, anchor.hash(), "0".repeat(64), Instant.EPOCH);
        assertThat(verify(log, unsignedAnchor).valid()).isFalse();
        assertThat(verify(other, anchor).valid()).isTrue(); // a longer log than the anchor: entries after it
    }
}
