package ua.kuznia.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Row count and an order-independent hash of every row of every application table: two equal
 * fingerprints mean no row was added, removed or changed in between.
 */
public final class DatabaseFingerprint {

    private final DataSource db;
    private final String query;

    public DatabaseFingerprint(DataSource db) {
        this.db = db;
        List<String> tables = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                     + " AND tablename <> 'flyway_schema_history' ORDER BY tablename")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no application tables found");
        }
        this.query = String.join(" UNION ALL ", tables.stream().map(t -> "SELECT '" + t + "', count(*),"
                + " coalesce(sum(hashtext(x::text)::numeric), 0) FROM " + t + " x").toList());
    }

    /** Table name → "rows:hash". */
    Map<String, String> take() {
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getLong(2) + ":" + rs.getBigDecimal(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    /** Waits until no full re-match is queued or running: those write matches in the background. */
    public void awaitIdleJobs() {
        for (int i = 0; i < 600; i++) {
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM matching_job WHERE status IN ('QUEUED', 'RUNNING')")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
                Thread.sleep(100);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("a matching job is still running after 60 s");
    }

    /** Names the tables whose rows differ. */
    static String difference(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        before.forEach((table, print) -> {
            if (!print.equals(after.get(table))) {
                changed.add(table + " " + print + " -> " + after.get(table));
            }
        });
        return String.join("; ", changed);
    }
}
