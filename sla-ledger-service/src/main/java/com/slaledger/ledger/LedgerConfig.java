package com.slaledger.ledger;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** sla-ledger-service's settings (ledger.*); every key is documented in docs/operations.md. */
@ConfigMapping(prefix = "ledger")
public interface LedgerConfig {

    /** The provider's name as statement documents (PDF) name it. */
    @WithDefault("SLA Ledger")
    String providerName();

    /** A period becomes final (its statement is issued) this long after it ends. */
    @WithDefault("PT1H")
    Duration grace();

    /**
     * How often each instance looks for contracts whose computed due instant has come (an indexed
     * query returning only those): the resolution of time-driven evaluations.
     */
    @WithDefault("1s")
    Duration dueScanInterval();

    /** While the ledger has not folded everything acknowledged, a contract is evaluated again this soon. */
    @WithDefault("5s")
    Duration behindRetry();

    /** A contract whose evaluation failed is tried again this soon. */
    @WithDefault("30s")
    Duration failureRetry();

    /**
     * How many contracts of a batch of triggers each of the evaluator's consumers evaluates at once,
     * each in its own transaction on its own connection: an evaluation mostly waits on the database.
     */
    @WithDefault("4")
    int evaluationConcurrency();

    /** A change mark this old is triggered again (its trigger may have been lost to retention). */
    @WithDefault("PT1M")
    Duration staleMark();

    /**
     * How far back an instant on intake may lie (SPEC §11), and so how late data may arrive: periods
     * that ended longer ago than this are final for good.
     */
    @WithDefault("P400D")
    Duration lateHorizon();

    /** Wait after start-up before the first scan for due contracts. */
    @WithDefault("3s")
    Duration evaluateDelay();

    /** How often months beyond the late horizon are looked for and compacted (ObservationCompaction). */
    @WithDefault("PT1H")
    Duration compactionInterval();

    /**
     * Compaction keeps, per probe, the first and last observation of every such bucket of time
     * (and every change of status), or of its staleAfter if shorter: statements stay the same for
     * every staleAfter of at least this length.
     */
    @WithDefault("PT1H")
    Duration compactionBucket();

    /**
     * The most observations the fold reads in one poll and stores in one transaction
     * (ObservationConsumer): larger polls mean fewer round trips per record.
     */
    @WithDefault("8000")
    int foldMaxPollRecords();

    /**
     * How many polls the fold stores at once, each in its own transaction on its own connection
     * (offsets are still committed in order): one PostgreSQL backend inserts on one core.
     */
    @WithDefault("2")
    int foldConcurrency();

    /**
     * How many bytes of statements' JSON each instance keeps (StatementCache): final statements,
     * answered again while nothing they were computed from has changed. 0 keeps none.
     */
    @WithDefault("16777216")
    long statementCacheBytes();

    /**
     * How many statement exports (CSV, PDF) render at once, on threads of their own, never on the
     * event loop that answers every other request and /q/health (StatementExports).
     */
    @WithDefault("2")
    int exportThreads();

    /** How many more wait for a thread; one beyond is a 503 with Retry-After. */
    @WithDefault("64")
    int exportQueue();

    /**
     * The key that signs the audit log's entries and its head (HMAC-SHA256), kept outside the
     * database (LEDGER_AUDIT_KEY): whoever holds only the database credentials cannot re-sign a
     * rewritten entry. No default in prod: the ledger does not start without one.
     */
    String auditKey();

    /** Exclusions (SPEC §16.1): ledger.exclusions.*. */
    Exclusions exclusions();

    interface Exclusions {

        /**
         * Who may approve an exclusion: SECOND_OPERATOR (not the operator who proposed it) or
         * SELF (ledger.exclusions.approval).
         */
        @WithDefault("SECOND_OPERATOR")
        com.slaledger.ledger.engine.ExclusionApproval.Mode approval();
    }
}
