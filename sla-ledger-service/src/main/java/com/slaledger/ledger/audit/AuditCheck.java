package com.slaledger.ledger.audit;

import java.util.List;
import java.util.OptionalLong;

import com.slaledger.events.AuditAnchored;

/**
 * Verifies the stored audit log page by page, from the first entry, against three things an
 * attacker with only the database credentials cannot forge together (SPEC §12): the hash chain
 * (an edited entry), each entry's signature with the audit key (an edited entry whose hash and the
 * rest of the chain were computed again), and the head anchored on Kafka (the newest entries
 * deleted). Entries older than the first signed one (written before the log was signed) are held
 * to the chain only; after it, an unsigned entry is a rewrite.
 */
final class AuditCheck {

    /** What verify answers. {@code brokenAt}: the first entry that does not hold, or where entries are missing. */
    record Verification(
            boolean valid, long entries, String lastHash, Long brokenAt, Long anchoredSeq, String problem) {}

    private final String key;
    private final AuditAnchored anchor;
    private String expectedPrev = AuditChain.GENESIS;
    private long checked;
    private long lastSeq;
    private boolean signedSeen;
    private Long brokenAt;
    private String problem;

    AuditCheck(String key, AuditAnchored anchor) {
        this.key = key;
        this.anchor = anchor;
        if (anchor != null && !AuditChain.signed(key, anchor.seq(), anchor.hash(), anchor.signature())) {
            brokenAt = anchor.seq();
            problem = "the head anchored outside the database (entry " + anchor.seq()
                    + ") is not signed with the audit key";
        }
    }

    /** Takes the next page (entries in order); false once the log is known not to hold. */
    boolean add(List<AuditChain.Stored> page) {
        if (brokenAt != null) {
            return false;
        }
        OptionalLong chain = AuditChain.firstBroken(expectedPrev, page);
        for (AuditChain.Stored e : page) {
            long seq = e.fields().seq();
            if (chain.isPresent() && chain.getAsLong() == seq) {
                return broken(seq, "entry " + seq + " does not match its hash or the entry before it");
            }
            if (e.signature() == null) {
                if (signedSeen) {
                    return broken(seq, "entry " + seq + " has no signature, after signed entries");
                }
            } else if (!AuditChain.signed(key, seq, e.hash(), e.signature())) {
                return broken(seq, "entry " + seq + " is not signed with the audit key: it was rewritten");
            } else {
                signedSeen = true;
            }
            if (anchor != null && seq == anchor.seq() && !anchor.hash().equals(e.hash())) {
                return broken(seq, "entry " + seq + " differs from the head anchored outside the database");
            }
            expectedPrev = e.hash();
            lastSeq = seq;
            checked++;
        }
        return true;
    }

    Verification result() {
        if (brokenAt == null && anchor != null && lastSeq < anchor.seq()) {
            broken(
                    lastSeq + 1,
                    "entries " + (lastSeq + 1) + " to " + anchor.seq() + " are missing: the log ends at entry "
                            + lastSeq + ", its head anchored outside the database is entry " + anchor.seq());
        }
        Long anchored = anchor == null ? null : anchor.seq();
        if (brokenAt != null) {
            return new Verification(false, checked, null, brokenAt, anchored, problem);
        }
        return new Verification(true, checked, checked == 0 ? null : expectedPrev, null, anchored, null);
    }

    private boolean broken(long seq, String why) {
        brokenAt = seq;
        problem = why;
        return false;
    }
}
