package ua.kuznia.matching;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * Full re-matches as a queue shared by all replicas, written outside any request transaction.
 * Only the holder of the full-match advisory lock claims, runs and finishes jobs, so a job found
 * RUNNING by a new lock holder was left by an instance that died, and is run again.
 */
@ApplicationScoped
public class MatchingJobs {

    public record Job(long id, String reason, String status, int ruleSetVersion, int offersTotal, int offersDone,
                      int suggestions, String error, String requestedBy, Instant createdAt, Instant startedAt,
                      Instant finishedAt, String runner, int attempts) {
    }

    @Inject
    AgroalDataSource dataSource;

    long create(String reason, int ruleSetVersion, String requestedBy) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO matching_job (reason, status, ruleset_version, requested_by) VALUES (?, 'QUEUED', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, reason);
            s.setInt(2, ruleSetVersion);
            s.setString(3, requestedBy);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The oldest job not yet done, QUEUED or abandoned RUNNING; call only while holding the lock. */
    Optional<Long> nextUnfinished() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT min(id) FROM matching_job WHERE status IN ('QUEUED', 'RUNNING')")) {
            rs.next();
            long id = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This instance runs the job (again, if an earlier runner died): counters start over. */
    void claim(long id, String runner) {
        update("UPDATE matching_job SET status = 'RUNNING', runner = ?, attempts = attempts + 1, started_at = now(),"
                + " offers_total = 0, offers_done = 0, suggestions = 0, error = NULL WHERE id = ?", runner, id);
    }

    void total(long id, int total) {
        update("UPDATE matching_job SET offers_total = ? WHERE id = ?", total, id);
    }

    void progress(long id, int done, int suggestions) {
        update("UPDATE matching_job SET offers_done = ?, suggestions = ? WHERE id = ?", done, suggestions, id);
    }

    /** Inside the transaction that writes the job's matches, so DONE and the new matches commit together. */
    void finished(Connection c, long id, int done, int suggestions) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE matching_job SET status = 'DONE', offers_done = ?,"
                + " suggestions = ?, finished_at = now() WHERE id = ?")) {
            s.setInt(1, done);
            s.setInt(2, suggestions);
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    void failed(long id, String error) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE matching_job SET status = 'FAILED', error = ?, finished_at = now() WHERE id = ?")) {
            s.setString(1, error == null ? "unknown error" : error.length() > 500 ? error.substring(0, 500) : error);
            s.setLong(2, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Job> find(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, reason, status, ruleset_version, offers_total, offers_done, suggestions, error, requested_by,"
                        + " created_at, started_at, finished_at, runner, attempts FROM matching_job WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Job(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9), instant(rs, 10), instant(rs, 11),
                        instant(rs, 12), rs.getString(13), rs.getInt(14)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
