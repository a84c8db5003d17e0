package ua.kuznia.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ua.kuznia.profile.Edrpou;

/** The local run's demo data: loads on top of the schema, is idempotent, and is plausible. */
class DemoDataTest {

    static EmbeddedPostgres postgres;
    static DataSource db;

    @BeforeAll
    static void migrate() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        db = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        runScript();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void hasThirtyManufacturersAndOffersFromAlliedMinistries() throws SQLException {
        assertEquals(30, count("SELECT count(*) FROM manufacturer_profile WHERE status = 'PUBLISHED'"));
        assertEquals(16, count("SELECT count(*) FROM transfer_offer WHERE status = 'OPEN'"));
        assertEquals(9, count("SELECT count(DISTINCT o.country) FROM transfer_offer t JOIN organization o ON o.id = t.organization_id"));
        assertTrue(count("SELECT count(DISTINCT oblast_code) FROM manufacturer_profile") >= 20);
        assertTrue(count("SELECT count(*) FROM transfer_offer WHERE 'munitions.artillery-155' = ANY(areas)") >= 2);
        assertEquals(0, count("SELECT count(*) FROM manufacturer_profile p WHERE NOT EXISTS"
                + " (SELECT 1 FROM profile_capability c WHERE c.profile_id = p.id)"));
    }

    @Test
    void everyNameIsMarkedFictional() throws SQLException {
        assertEquals(0, count("SELECT count(*) FROM organization WHERE name NOT LIKE '%(demo)'"));
        assertEquals(0, count("SELECT count(*) FROM manufacturer_profile WHERE legal_name NOT LIKE '%(demo)'"
                + " OR description NOT LIKE 'Fictional demo company.%'"));
        assertEquals(0, count("SELECT count(*) FROM transfer_offer WHERE title NOT LIKE '%(demo)'"));
    }

    @Test
    void everyEdrpouHasAValidCheckDigit() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT edrpou FROM manufacturer_profile")) {
            while (rs.next()) {
                assertTrue(Edrpou.isValid(rs.getString(1)), rs.getString(1));
            }
        }
    }

    @Test
    void runningTheScriptAgainAddsNothing() throws Exception {
        long before = count("SELECT count(*) FROM profile_capability") + count("SELECT count(*) FROM transfer_offer");
        runScript();
        long after = count("SELECT count(*) FROM profile_capability") + count("SELECT count(*) FROM transfer_offer");
        assertEquals(before, after);
    }

    private static void runScript() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(DemoDataLoader.script());
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
