package com.slaledger.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * How the fold's batches are best loaded: the same batches of narrow observation rows (2,000 per
 * transaction, synchronous commit, the table's unique index) loaded three ways into a scratch
 * table shaped like {@code observation}: (a) the fold's {@code INSERT ... SELECT FROM unnest(arrays)
 * ON CONFLICT DO NOTHING}, (b) binary {@code COPY} into a temporary table, then {@code INSERT ...
 * SELECT ... ON CONFLICT DO NOTHING} (COPY cannot skip duplicates itself), (c) binary {@code COPY}
 * straight into the table, which cannot de-duplicate and so is only the ceiling. Prints one line
 * per way.
 *
 * <p>Usage: {@code CopyDriver <jdbcUrl> <user> <password> [batches] [batchSize]}
 */
public final class CopyDriver {

    /** PostgreSQL's epoch for binary timestamps: 2000-01-01T00:00:00Z, in microseconds since 1970. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private CopyDriver() {}

    public static void main(String[] args) throws Exception {
        int batches = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int size = args.length > 4 ? Integer.parseInt(args[4]) : 2000;
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
            try (Statement s = db.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_copy");
                s.execute("CREATE TABLE bench_copy (probe_key INTEGER NOT NULL, observed_at TIMESTAMPTZ NOT NULL,"
                        + " status SMALLINT NOT NULL, dedup_hash BIGINT NOT NULL)");
                s.execute("CREATE UNIQUE INDEX ON bench_copy (probe_key, observed_at, dedup_hash)");
            }
            db.setAutoCommit(false);
            report("insert-unnest", batches, size, run(db, batches, size, CopyDriver::unnest));
            report("copy-then-insert", batches, size, run(db, batches, size, CopyDriver::copyThenInsert));
            report("copy-only", batches, size, run(db, batches, size, CopyDriver::copyOnly));
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("DROP TABLE bench_copy");
            }
        }
    }

    interface Way {
        void load(Connection db, int[] probe, long[] at, short[] status, long[] hash) throws Exception;
    }

    private static double run(Connection db, int batches, int size, Way way) throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long base = Instant.parse("2026-10-01T00:00:00Z").getEpochSecond();
        long started = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            int[] probe = new int[size];
            long[] at = new long[size];
            short[] status = new short[size];
            long[] hash = new long[size];
            for (int i = 0; i < size; i++) {
                probe[i] = r.nextInt(2000);
                at[i] = base + r.nextInt(2_678_400);
                status[i] = (short) (r.nextInt(100) < 2 ? 1 : 0);
                hash[i] = r.nextLong();
            }
            way.load(db, probe, at, status, hash);
            db.commit();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static void report(String way, int batches, int size, double seconds) {
        System.out.printf(
                Locale.ROOT,
                "load way=%s rows=%d batch=%d s=%.2f rate=%.0f%n",
                way,
                (long) batches * size,
                size,
                seconds,
                batches * size / seconds);
    }

    private static void unnest(Connection db, int[] probe, long[] at, short[] status, long[] hash) throws SQLException {
        Integer[] p = new Integer[probe.length];
        Timestamp[] t = new Timestamp[probe.length];
        Short[] s = new Short[probe.length];
        Long[] h = new Long[probe.length];
        for (int i = 0; i < probe.length; i++) {
            p[i] = probe[i];
            t[i] = Timestamp.from(Instant.ofEpochSecond(at[i]));
            s[i] = status[i];
            h[i] = hash[i];
        }
        try (PreparedStatement q = db.prepareStatement("INSERT INTO bench_copy (probe_key, observed_at, status,"
                + " dedup_hash) SELECT * FROM unnest(?::int4[], ?::timestamptz[], ?::int2[], ?::int8[])"
                + " ON CONFLICT DO NOTHING")) {
            Array a1 = db.createArrayOf("int4", p);
            Array a2 = db.createArrayOf("timestamptz", t);
            Array a3 = db.createArrayOf("int2", s);
            Array a4 = db.createArrayOf("int8", h);
            q.setArray(1, a1);
            q.setArray(2, a2);
            q.setArray(3, a3);
            q.setArray(4, a4);
            q.executeUpdate();
        }
    }

    private static void copyThenInsert(Connection db, int[] probe, long[] at, short[] status, long[] hash)
            throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE IF NOT EXISTS bench_copy_in (probe_key INTEGER, observed_at TIMESTAMPTZ,"
                    + " status SMALLINT, dedup_hash BIGINT) ON COMMIT DELETE ROWS");
        }
        copy(db, "bench_copy_in", probe, at, status, hash);
        try (Statement s = db.createStatement()) {
            s.executeUpdate("INSERT INTO bench_copy SELECT * FROM bench_copy_in ON CONFLICT DO NOTHING");
        }
    }

    private static void copyOnly(Connection db, int[] probe, long[] at, short[] status, long[] hash) throws Exception {
        copy(db, "bench_copy", probe, at, status, hash);
    }

    /** PostgreSQL's binary COPY format: header, one tuple per row (field count, length + value each), trailer. */
    private static void copy(Connection db, String table, int[] probe, long[] at, short[] status, long[] hash)
            throws SQLException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(probe.length * 40 + 32);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeBytes("PGCOPY\n");
        out.write(new byte[] {(byte) 0xFF, '\r', '\n', 0});
        out.writeInt(0); // flags
        out.writeInt(0); // header extension
        for (int i = 0; i < probe.length; i++) {
            out.writeShort(4);
            out.writeInt(4);
            out.writeInt(probe[i]);
            out.writeInt(8);
            out.writeLong(at[i] * 1_000_000L - PG_EPOCH_MICROS);
            out.writeInt(2);
            out.writeShort(status[i]);
            out.writeInt(8);
            out.writeLong(hash[i]);
        }
        out.writeShort(-1);
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn(
                "COPY " + table + " (probe_key, observed_at, status, dedup_hash) FROM STDIN (FORMAT binary)",
                new ByteArrayInputStream(bytes.toByteArray()));
    }
}
