package ua.kuznia.matching;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import ua.kuznia.common.EntityChanged;

/**
 * Keeps the matcher indexes of several replicas in step through PostgreSQL. The writing
 * transaction appends to entity_change and sends NOTIFY (both take effect only at commit);
 * every instance LISTENs, and applies the changes of other instances in id order. After a lost
 * connection it reads every change above the last id it applied, so none is missed.
 */
@ApplicationScoped
public class ChangeFeed {

    static final String CHANNEL = "kuznia_changes";
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    /** One committed change, as another instance made it. */
    public record Change(long id, EntityChanged.Type type, long entityId, boolean deleted) {
    }

    /** Identifies this process, so it skips the changes it already applied itself. */
    private final String origin = UUID.randomUUID().toString();

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    private static final long LATE_COMMIT_WINDOW = 1000;

    private volatile long lastApplied;
    /** Ids applied within the late-commit window, oldest first. */
    private final java.util.Set<Long> seen = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Long, Boolean> eldest) {
            return size() > 4 * LATE_COMMIT_WINDOW;
        }
    });
    private volatile boolean running;
    private Thread listener;
    /** Where other instances' changes go; null until {@link #start}. */
    private volatile Consumer<Change> apply;

    /**
     * The log row and its NOTIFY (sent at commit), in one statement on the writing transaction's
     * connection. Runs inside that transaction (a plain observer), so the log row commits with the
     * write. The session is flushed first, so the change's own rows are written before its log row.
     */
    void record(@Observes EntityChanged change) {
        Session session = em.unwrap(Session.class);
        session.flush();
        session.doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(RECORD)) {
                s.setString(1, origin);
                s.setString(2, change.type().name());
                s.setLong(3, change.id());
                s.setBoolean(4, change.deleted());
                s.setString(5, origin);
                s.setString(6, origin);
                s.executeQuery().close();
            }
        });
    }

    /** Taken shared by every writer of the log and exclusively by a prune of its origins: any fixed number. */
    static final long ORIGIN_LOCK = 0x4b7a6f6f72L;

    /**
     * How long a stopped instance stays registered, so that the others still read its last
     * changes: they apply them within a second of the commit (a notification, or the listener's
     * timeout), and one that has not caught up for {@link #STALE_AFTER_NANOS} reads the whole
     * window, registered origins or not.
     */
    static final String RETIRED_FOR = "interval '1 minute'";

    /**
     * How long an origin may be silent before it is forgotten: an instance that died without
     * retiring (killed) stops counting after this. A live one that writes again registers again
     * with that change.
     */
    static final String SILENT_FOR = "interval '1 day'";

    /** Origins other than this instance's retired or silent for long enough to be forgotten. */
    private static final String PRUNABLE = "SELECT o.origin FROM change_origin o WHERE o.origin <> ?"
            + " AND (o.retired_at < now() - " + RETIRED_FOR
            + " OR coalesce((SELECT e.changed_at FROM entity_change e WHERE e.origin = o.origin"
            + " ORDER BY e.id DESC LIMIT 1), '-infinity') < now() - " + SILENT_FOR + ")";

    /**
     * A catch-up later than this after the one before reads the whole window, registered origins
     * or not: an origin is pruned no sooner than {@link #RETIRED_FOR} after it stopped, or
     * {@link #SILENT_FOR} after the start of the transaction of its newest change, so an instance
     * that catches up at least this often has read every change of it while it was registered;
     * one paused or cut off for longer (a long GC pause, a lost connection) may not have.
     */
    static final long STALE_AFTER_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(20);

    /** The listener catches up at least this often, even while only its own notifications arrive. */
    private static final long QUIET_AFTER_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private volatile java.util.function.LongSupplier nanoTime = System::nanoTime;

    /** The clock of the catch-ups' and prunes' timing; tests move it on. */
    void useClock(java.util.function.LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** When the last catch-up that succeeded began. */
    private volatile long lastCaughtUp;

    /**
     * How long after a notification without an origin every catch-up, the writers' too, reads
     * the whole window: instances of the earlier version are running (a rolling upgrade), and
     * they register nothing.
     */
    static final long UNNAMED_FOR_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);

    /** Prunes that failed in a row, on the listener's thread. */
    private int failedPrunes;

    /** When the last notification without an origin arrived; long ago at start. */
    private volatile long lastUnnamed;

    /** How often the listener looks for origins to prune, besides at start. */
    private static final long PRUNE_EVERY_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

    /**
     * Registers the origin unless it is (DO NOTHING takes no lock on the existing row: DO UPDATE
     * would, and every write of the instance would queue behind the one before until its commit),
     * under the shared lock that keeps a prune from removing it between that check and the commit;
     * logs the change; and sends the origin as the NOTIFY's payload, so that the instance's own
     * listener can ignore it. An origin marked retired stays so: it is read for a while yet, and
     * once pruned, its next change registers it again.
     */
    private static final String RECORD = "WITH guard AS (SELECT pg_advisory_xact_lock_shared(" + ORIGIN_LOCK + ")),"
            + " registered AS (INSERT INTO change_origin (origin) SELECT ? FROM guard ON CONFLICT DO NOTHING),"
            + " logged AS (INSERT INTO entity_change (entity_type, entity_id, deleted, origin)"
            + " VALUES (?, ?, ?, ?) RETURNING id) SELECT pg_notify('" + CHANNEL + "', ?) FROM logged";

    /** The id up to which this instance's index is complete; call before loading the index. */
    public long currentPosition() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM entity_change")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts listening; {@code apply} receives other instances' changes in commit order. */
    public synchronized void start(long position, Consumer<Change> apply) {
        lastApplied = position;
        lastCaughtUp = nanoTime.getAsLong() - 2 * STALE_AFTER_NANOS; // the first catch-up reads the whole window
        lastUnnamed = nanoTime.getAsLong() - 2 * UNNAMED_FOR_NANOS;
        markSeenUpTo(position);
        try {
            pruneOrigins();
        } catch (RuntimeException e) {
            LOG.warnf("Change-log origins not pruned at start (%s); the listener tries again", e.getMessage());
        }
        this.apply = apply;
        running = true;
        listener = new Thread(this::listen, "kuznia-change-feed");
        listener.setDaemon(true);
        listener.start();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
        retire();
    }

    /**
     * Marks this instance retired: the others stop reading the log for it once they have had time
     * to apply its last changes. Best effort; an instance that cannot is forgotten once silent.
     * Runs at shutdown, when requests have drained; a change committed more than about 40 s after
     * it (past {@link #RETIRED_FOR} less {@link #STALE_AFTER_NANOS}) might not be read by the others.
     */
    private void retire() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE change_origin SET retired_at = now() WHERE origin = ?")) {
            s.setString(1, origin);
            s.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Change-log origin not marked retired: %s", e.getMessage());
        }
    }

    /**
     * Stops listening and waits for the listener to end; {@link #start} listens again. Writers
     * still catch up ({@link #catchUpWithin}): the log stays readable without the notifications.
     */
    public void stop() {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = listener;
        }
        if (stopping != null) {
            stopping.interrupt();
            try {
                stopping.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Applies the other instances' changes committed so far, on the caller's connection, before
     * the caller writes a ranking from this instance's index. A writer calls it once it holds the
     * offer's lock: any replica that wrote the offer's ranking before has committed by then, and
     * so has the change it wrote it for; without this, a replica whose feed lags a few
     * milliseconds would write the ranking without that change, and nothing would write it again
     * until the offer's next change.
     */
    public void catchUpWithin(Connection c) throws SQLException {
        catchUp(c, false);
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                long lastPrune = nanoTime.getAsLong();
                // Catch up first: changes committed while this connection was down sent no NOTIFY to
                // us. The whole window, whoever is registered: this instance may have been cut off
                // for longer than a stopped one stays registered.
                catchUp(c, true);
                while (running) {
                    // Wakes on NOTIFY, and at least every second, which also covers a NOTIFY lost
                    // with a dropped connection. Notifications of this instance's own changes alone
                    // bring nothing to apply (its writers applied them) until a second has passed.
                    Wake wake = wake(pg.getNotifications(1000));
                    if (wake == Wake.UNNAMED) {
                        lastUnnamed = nanoTime.getAsLong();
                        catchUp(c, true);
                    } else if (wake != Wake.OWN || nanoTime.getAsLong() - lastCaughtUp > QUIET_AFTER_NANOS) {
                        catchUp(c, false);
                    }
                    if (nanoTime.getAsLong() - lastPrune > PRUNE_EVERY_NANOS) {
                        lastPrune = nanoTime.getAsLong();
                        pruneFromListener();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Change feed interrupted (%s); reconnecting", e.getMessage());
                    sleep(1000);
                }
            }
        }
    }

    /** What woke the listener. */
    enum Wake {
        /** The timeout: nothing arrived. */
        NONE,
        /** Notifications of this instance's own changes only. */
        OWN,
        /** A notification naming another origin, registered with its change. */
        OTHER,
        /**
         * A notification without an origin: an instance of an earlier version, which registers
         * nothing, so the whole window is read.
         */
        UNNAMED
    }

    Wake wake(PGNotification[] notifications) {
        if (notifications == null || notifications.length == 0) {
            return Wake.NONE;
        }
        Wake wake = Wake.OWN;
        for (PGNotification notification : notifications) {
            String from = notification.getParameter();
            if (from == null || from.isEmpty()) {
                return Wake.UNNAMED;
            }
            if (!origin.equals(from)) {
                wake = Wake.OTHER;
            }
        }
        return wake;
    }

    /**
     * Identity values are taken at insert and become visible at commit, so a smaller id can
     * appear after a larger one. Re-reading a window below the high-water mark, and remembering
     * which ids were applied, catches those late commits.
     */
    private synchronized void catchUp(Connection c, boolean whole) throws SQLException {
        Consumer<Change> apply = this.apply;
        if (apply == null) {
            return; // not started: the index is being loaded, and takes every change up to its position
        }
        long began = nanoTime.getAsLong();
        boolean readAll = whole || began - lastCaughtUp > STALE_AFTER_NANOS || began - lastUnnamed < UNNAMED_FOR_NANOS;
        List<Change> changes = new ArrayList<>();
        long top;
        // Only other instances' changes come back, with the highest id as the mark to move to:
        // this instance's own changes (all of them, on a single instance) would be a thousand rows
        // of window to read on every write and every notification, only to be skipped.
        // Unless asked for the whole window, it is read only while another instance is registered:
        // with none (a single instance, the common case) the condition is a one-time filter, and no
        // row of the window is read. (OFFSET 0 keeps the subquery whole: merged into the join,
        // the condition became a filter on each row read instead.)
        try (PreparedStatement s = c.prepareStatement("SELECT m.top, c.id, c.entity_type, c.entity_id, c.deleted"
                + " FROM (SELECT coalesce(max(id), 0) AS top FROM entity_change) AS m"
                + " LEFT JOIN (SELECT x.id, x.entity_type, x.entity_id, x.deleted FROM entity_change x"
                + " WHERE x.id > ? AND x.origin <> ? AND (? OR EXISTS (SELECT 1 FROM change_origin o WHERE o.origin <> ?))"
                + " OFFSET 0) AS c ON true ORDER BY c.id")) {
            s.setLong(1, Math.max(0, lastApplied - LATE_COMMIT_WINDOW));
            s.setString(2, origin);
            s.setBoolean(3, readAll);
            s.setString(4, origin);
            try (ResultSet rs = s.executeQuery()) {
                top = lastApplied;
                while (rs.next()) {
                    top = Math.max(top, rs.getLong(1));
                    long id = rs.getLong(2);
                    if (!rs.wasNull() && !seen.contains(id)) {
                        changes.add(new Change(id, EntityChanged.Type.valueOf(rs.getString(3)), rs.getLong(4), rs.getBoolean(5)));
                    }
                }
            }
        }
        // A change counts as seen only once applied: if applying fails (the database went away
        // while re-reading the entity), the mark stays where it was and the next pass applies it.
        for (Change change : changes) {
            apply.accept(change);
            seen.add(change.id());
        }
        lastApplied = top;
        lastCaughtUp = began;
    }

    /**
     * Forgets the origins retired for longer than {@link #RETIRED_FOR} or silent for longer than
     * {@link #SILENT_FOR}: while one is registered, every catch-up reads the log's window. Every
     * restart of an instance adds one. The exclusive lock waits for writers that may have found
     * their origin registered and not yet committed; a pruned origin that writes again registers
     * again with that change.
     */
    void pruneOrigins() {
        int pruned = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                // Looked for without the lock first: writers wait while it is held.
                try (PreparedStatement any = c.prepareStatement("SELECT EXISTS (" + PRUNABLE + ")")) {
                    any.setString(1, origin);
                    try (ResultSet rs = any.executeQuery()) {
                        if (rs.next() && !rs.getBoolean(1)) {
                            return 0;
                        }
                    }
                }
                try (Statement timeout = c.createStatement();
                     PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)");
                     PreparedStatement prune = c.prepareStatement("DELETE FROM change_origin WHERE origin IN (" + PRUNABLE + ")")) {
                    // Writers queue behind a waiting prune: it waits briefly, and tries again next time.
                    timeout.execute("SET LOCAL lock_timeout = '200ms'");
                    lock.setLong(1, ORIGIN_LOCK);
                    lock.execute();
                    prune.setString(1, origin);
                    return prune.executeUpdate();
                }
            }
        });
        if (pruned > 0) {
            LOG.infof("Forgot %d retired or silent origins of the change log", pruned);
        }
    }

    /** The listener's prune once a minute: a failure waits for the next, and is said aloud once it keeps failing. */
    private void pruneFromListener() {
        try {
            pruneOrigins();
            failedPrunes = 0;
        } catch (RuntimeException e) {
            // Usually writers held the lock for longer than the prune waits.
            if (++failedPrunes % 10 == 0) {
                LOG.warnf("Change-log origins not pruned %d times in a row (%s)", failedPrunes, e.getMessage());
            } else {
                LOG.debugf("Change-log origins not pruned (%s)", e.getMessage());
            }
        }
    }

    /** Changes up to the position are in the freshly loaded index already. */
    private void markSeenUpTo(long position) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id FROM entity_change WHERE id > ? AND id <= ?")) {
            s.setLong(1, Math.max(0, position - LATE_COMMIT_WINDOW));
            s.setLong(2, position);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seen.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String origin() {
        return origin;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
