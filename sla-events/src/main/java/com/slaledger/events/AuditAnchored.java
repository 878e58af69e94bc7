package com.slaledger.events;

import java.time.Instant;

/**
 * The audit log's newest entry as the ledger anchors it outside its database ({@link
 * Topics#AUDIT_HEADS}, key "audit"): its sequence number, chain hash, and the signature over both
 * made with the audit key, which the database does not hold.
 */
public record AuditAnchored(long seq, String hash, String signature, Instant at) {}
