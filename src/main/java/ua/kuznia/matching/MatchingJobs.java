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

/** Progress records of full re-matches, written outside any request transaction. */
@ApplicationScoped
public class MatchingJobs {

    public record Job(long id, String reason, String status, int ruleSetVersion, int offersTotal, int offersDone,
                      int suggestions, String error, String requestedBy, Instant createdAt, Instant startedAt,
                      Instant finishedAt) {
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

    void started(long id, int total) {
        update("UPDATE matching_job SET status = 'RUNNING', started_at = now(), offers_total = ? WHERE id = ?", total, id);
    }

    void progress(long id, int done, int suggestions) {
        update("UPDATE matching_job SET offers_done = ?, suggestions = ? WHERE id = ?", done, suggestions, id);
    }

    void finished(long id, int done, int suggestions) {
        update("UPDATE matching_job SET status = 'DONE', offers_done = ?, suggestions = ?, finished_at = now() WHERE id = ?",
                done, suggestions, id);
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
                        + " created_at, started_at, finished_at FROM matching_job WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Job(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9), instant(rs, 10), instant(rs, 11),
                        instant(rs, 12)));
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
