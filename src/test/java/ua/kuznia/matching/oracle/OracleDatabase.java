package ua.kuznia.matching.oracle;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

import ua.kuznia.matching.engine.Capability;
import ua.kuznia.matching.engine.OfferData;
import ua.kuznia.matching.engine.ProfileData;
import ua.kuznia.matching.engine.RuleSetData;
import ua.kuznia.matching.engine.ScoredMatch;
import ua.kuznia.matching.engine.SeededTaxonomy;

/**
 * The matching rules restated as one SQL query over the real schema, written independently of
 * the engine, plus what it takes to run it: migrating a database, loading profiles and offers
 * into the real tables, and reading the result.
 *
 * <p>The arithmetic is float8 throughout (a bare {@code 9.0} would be numeric) and sums the
 * weighted values in the engine's order, so scores agree to the last bit except where the
 * logarithm of the database's C library and Java's StrictMath differ by an ulp.
 */
public final class OracleDatabase {

    /**
     * Every eligible (offer, profile) pair of the open offers, with its score and its position
     * in the offer's ranking. Parameters: rule-set version, then an offer id (or null for all) twice.
     */
    public static final String ORACLE_SQL = """
            WITH rs AS (
                SELECT r.min_score, r.top_k, r.area_priorities, r.support_effectiveness,
                       coalesce((r.weights ->> 'area-specificity')::float8, 0)     AS w_specificity,
                       coalesce((r.weights ->> 'capacity-headroom')::float8, 0)    AS w_headroom,
                       coalesce((r.weights ->> 'readiness-surplus')::float8, 0)    AS w_surplus,
                       coalesce((r.weights ->> 'extra-certifications')::float8, 0) AS w_extra,
                       coalesce((r.weights ->> 'area-priority')::float8, 0)        AS w_priority,
                       coalesce((r.weights ->> 'seeking-fit')::float8, 0)          AS w_seeking,
                       coalesce((r.weights ->> 'low-risk')::float8, 0)             AS w_risk,
                       coalesce((r.weights ->> 'support-model')::float8, 0)        AS w_support
                FROM ruleset r
                WHERE r.version = ?
            ),
            w AS (
                SELECT rs.*, w_specificity + w_headroom + w_surplus + w_extra + w_priority + w_seeking + w_risk + w_support
                             AS w_sum
                FROM rs
            ),
            offers AS (
                SELECT o.id, o.areas, o.transfer_type, o.min_trl, o.min_mrl, o.min_monthly_capacity,
                       o.required_certifications, o.max_risk_tier,
                       greatest(required.rank, classified.rank) AS needed_rank,
                       CASE WHEN o.min_monthly_capacity > 0 THEN o.min_monthly_capacity
                            WHEN o.target_volume > 0 THEN o.target_volume / 12::float8 END AS capacity_reference
                FROM transfer_offer o
                JOIN classification_level required ON required.code = o.required_clearance
                JOIN classification_level classified ON classified.code = o.classification
                WHERE o.status = 'OPEN' AND (?::bigint IS NULL OR o.id = ?::bigint)
            ),
            offer_areas AS (
                SELECT DISTINCT o.id AS offer_id, area
                FROM offers o, unnest(o.areas) AS area
            ),
            -- Each offer area with its ancestors-or-self: the prefixes of its code cut at dots, nearest first.
            offer_area_chain AS (
                SELECT oa.offer_id, oa.area, array_to_string(parts[1:n], '.') AS ancestor, n AS level
                FROM offer_areas oa
                CROSS JOIN LATERAL (SELECT string_to_array(oa.area, '.') AS parts) p
                CROSS JOIN LATERAL generate_series(1, cardinality(p.parts)) AS n
            ),
            area_values AS (
                SELECT oa.offer_id,
                       coalesce((SELECT (w.area_priorities ->> c.ancestor)::float8
                                 FROM offer_area_chain c
                                 WHERE c.offer_id = oa.offer_id AND c.area = oa.area
                                   AND (w.area_priorities ->> c.ancestor) IS NOT NULL
                                 ORDER BY c.level DESC LIMIT 1),
                                0.5::float8) AS priority,
                       coalesce((SELECT (w.support_effectiveness ->> (o.transfer_type || '|' || c.ancestor))::float8
                                 FROM offer_area_chain c
                                 WHERE c.offer_id = oa.offer_id AND c.area = oa.area
                                   AND (w.support_effectiveness ->> (o.transfer_type || '|' || c.ancestor)) IS NOT NULL
                                 ORDER BY c.level DESC LIMIT 1),
                                (w.support_effectiveness ->> o.transfer_type)::float8,
                                0.5::float8) AS effectiveness
                FROM offer_areas oa
                JOIN offers o ON o.id = oa.offer_id
                CROSS JOIN w
            ),
            offer_constants AS (
                SELECT offer_id, max(priority) AS f_priority, max(effectiveness) AS f_support
                FROM area_values
                GROUP BY offer_id
            ),
            -- Each capability with its ancestors-or-self and how many levels below each it lies.
            capability_chain AS (
                SELECT c.profile_id, c.trl, c.mrl, c.monthly_capacity,
                       array_to_string(p.parts[1:n], '.') AS ancestor, cardinality(p.parts) - n AS depth_gap
                FROM profile_capability c
                CROSS JOIN LATERAL (SELECT string_to_array(c.area_code, '.') AS parts) p
                CROSS JOIN LATERAL generate_series(1, cardinality(p.parts)) AS n
            ),
            -- A capability lies in an offer area when one of its ancestors-or-self is that area.
            qualifying AS (
                SELECT oa.offer_id, cc.profile_id, cc.depth_gap, cc.monthly_capacity,
                       ((CASE WHEN o.min_trl >= 9 THEN 1::float8
                              ELSE (cc.trl - o.min_trl)::float8 / (9::float8 - o.min_trl) END)
                        + (CASE WHEN o.min_mrl >= 10 THEN 1::float8
                                ELSE (cc.mrl - o.min_mrl)::float8 / (10::float8 - o.min_mrl) END)) / 2::float8 AS surplus
                FROM offer_areas oa
                JOIN offers o ON o.id = oa.offer_id
                JOIN capability_chain cc ON cc.ancestor = oa.area
                WHERE cc.trl >= o.min_trl AND cc.mrl >= o.min_mrl
                  AND (o.min_monthly_capacity IS NULL OR cc.monthly_capacity >= o.min_monthly_capacity)
            ),
            pair_capabilities AS (
                SELECT offer_id, profile_id,
                       max(1::float8 / (1 + depth_gap)) AS f_specificity,
                       max(monthly_capacity) AS best_capacity,
                       max(surplus) AS f_surplus
                FROM qualifying
                GROUP BY offer_id, profile_id
            ),
            eligible AS (
                SELECT pc.offer_id, p.id AS profile_id,
                       pc.f_specificity,
                       CASE WHEN o.capacity_reference IS NULL THEN 0.5::float8
                            ELSE least(1::float8, ln(1::float8 + pc.best_capacity / o.capacity_reference) / ln(5::float8))
                       END AS f_headroom,
                       pc.f_surplus,
                       0.5::float8 * (CASE WHEN extra.aqap THEN 1 ELSE 0 END)
                           + 0.5::float8 * least(1::float8,
                                 (extra.extra_count - CASE WHEN extra.aqap THEN 1 ELSE 0 END)::float8 / 3::float8) AS f_extra,
                       oc.f_priority,
                       0.5::float8 * (CASE WHEN EXISTS (
                               SELECT 1 FROM unnest(p.seeking_areas) AS s, unnest(o.areas) AS a
                               WHERE s = a OR starts_with(s, a || '.') OR starts_with(a, s || '.')) THEN 1 ELSE 0 END)
                           + 0.5::float8 * (CASE WHEN o.transfer_type = ANY (p.seeking_transfer_types) THEN 1 ELSE 0 END)
                           AS f_seeking,
                       (4 - region.risk_tier)::float8 / 3::float8 AS f_risk,
                       oc.f_support
                FROM pair_capabilities pc
                JOIN offers o ON o.id = pc.offer_id
                JOIN offer_constants oc ON oc.offer_id = pc.offer_id
                JOIN manufacturer_profile p ON p.id = pc.profile_id
                JOIN oblast region ON region.code = p.oblast_code
                JOIN classification_level cleared ON cleared.code = p.clearance
                CROSS JOIN LATERAL (
                    SELECT coalesce(bool_or(held = 'AQAP-2110'), false) AS aqap, count(*) AS extra_count
                    FROM (SELECT unnest(p.certifications) EXCEPT SELECT unnest(o.required_certifications)) AS extras(held)
                ) extra
                WHERE p.status = 'PUBLISHED'
                  AND o.required_certifications <@ p.certifications
                  AND cleared.rank >= o.needed_rank
                  AND (o.max_risk_tier IS NULL OR region.risk_tier <= o.max_risk_tier)
            ),
            scored AS (
                SELECT e.offer_id, e.profile_id,
                       CASE WHEN w.w_sum = 0 THEN 0::float8
                            ELSE 100::float8 * (w.w_specificity * e.f_specificity + w.w_headroom * e.f_headroom
                                    + w.w_surplus * e.f_surplus + w.w_extra * e.f_extra + w.w_priority * e.f_priority
                                    + w.w_seeking * e.f_seeking + w.w_risk * e.f_risk + w.w_support * e.f_support)
                                 / w.w_sum
                       END AS score
                FROM eligible e CROSS JOIN w
            ),
            ranked AS (
                SELECT s.offer_id, s.profile_id, s.score,
                       row_number() OVER (PARTITION BY s.offer_id ORDER BY s.score DESC, s.profile_id) AS position
                FROM scored s
            )
            SELECT r.offer_id, r.profile_id, r.score, r.position,
                   r.score >= w.min_score AND r.position <= w.top_k AS in_top_k
            FROM ranked r CROSS JOIN w
            ORDER BY r.offer_id, r.position
            """;

    /** One eligible pair as the oracle sees it. */
    public record Row(long offerId, long profileId, double score, long position, boolean inTopK) {
    }

    /** All eligible pairs of the open offers asked about, ordered by offer and position. */
    public record Result(List<Row> eligible) {

        /** Suggestions per offer; an open offer with none is absent, as the SQL has no row for it. */
        public Map<Long, List<ScoredMatch>> topK() {
            return eligible.stream().filter(Row::inTopK).collect(Collectors.groupingBy(Row::offerId, TreeMap::new,
                    Collectors.mapping(row -> new ScoredMatch(row.offerId(), row.profileId(), row.score()), Collectors.toList())));
        }
    }

    private static final long MINISTRY_ORGANIZATION_ID = 1;

    private OracleDatabase() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** Adds areas below the seeded tree (parents first), so test data can reach deeper than the seed does. */
    public static void addAreas(Connection connection, List<String> codes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO capability_area (code, parent_code, name_en, name_uk) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (String code : codes) {
                insert.setString(1, code);
                insert.setString(2, code.substring(0, code.lastIndexOf('.')));
                insert.setString(3, code);
                insert.setString(4, code);
                insert.executeUpdate();
            }
        }
    }

    /** Removes every organization, profile, offer and rule set but the seeded one. */
    public static void clear(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE match_result, profile_capability, manufacturer_profile, transfer_offer, organization CASCADE");
            statement.execute("DELETE FROM ruleset WHERE version <> 1");
        }
    }

    /** Loads with COPY, which keeps the benchmark's hundreds of thousands of rows to seconds. */
    public static void load(Connection connection, Collection<ProfileData> profiles, Collection<OfferData> offers,
            RuleSetData ruleSet) throws SQLException {
        List<String> levels = classificationCodes(connection);
        StringBuilder organizations = new StringBuilder();
        organizations.append(row(MINISTRY_ORGANIZATION_ID, "ministry-of-defence", "MINISTRY", "Allied ministry", "DE"));
        StringBuilder profileRows = new StringBuilder();
        StringBuilder capabilityRows = new StringBuilder();
        for (ProfileData profile : profiles) {
            long organization = MINISTRY_ORGANIZATION_ID + profile.id();
            organizations.append(row(organization, "manufacturer-" + profile.id(), "MANUFACTURER", "Manufacturer " + profile.id(), "UA"));
            profileRows.append(row(profile.id(), organization, "Manufacturer " + profile.id(), String.format("%08d", profile.id()),
                    SeededTaxonomy.SEEDED.oblastWithTier(profile.riskTier()), array(profile.certifications()),
                    levels.get(profile.clearanceRank()), array(profile.seekingAreas()), array(profile.seekingTransferTypes()),
                    profile.published() ? "PUBLISHED" : "DRAFT"));
            int position = 0;
            for (Capability capability : profile.capabilities()) {
                capabilityRows.append(row(profile.id(), position++, capability.area(), capability.trl(), capability.mrl(),
                        Double.toString(capability.monthlyCapacity())));
            }
        }
        StringBuilder offerRows = new StringBuilder();
        for (OfferData offer : offers) {
            offerRows.append(row(offer.id(), MINISTRY_ORGANIZATION_ID, "Offer " + offer.id(), array(offer.areas()),
                    offer.transferType(), offer.minTrl(), offer.minMrl(), number(offer.minMonthlyCapacity()),
                    array(offer.requiredCertifications()), levels.get(offer.requiredClearanceRank()),
                    levels.get(offer.classificationRank()), offer.maxRiskTier(), number(offer.targetVolume()),
                    offer.open() ? "OPEN" : "CLOSED"));
        }
        copy(connection, "organization (id, code, kind, name, country)", organizations);
        copy(connection, "manufacturer_profile (id, organization_id, legal_name, edrpou, oblast_code, certifications, clearance,"
                + " seeking_areas, seeking_transfer_types, status)", profileRows);
        copy(connection, "profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity)", capabilityRows);
        copy(connection, "transfer_offer (id, organization_id, title, areas, transfer_type, min_trl, min_mrl, min_monthly_capacity,"
                + " required_certifications, required_clearance, classification, max_risk_tier, target_volume, status)", offerRows);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ruleset (version, weights, min_score, top_k, area_priorities, support_effectiveness, created_by)"
                        + " VALUES (?, ?::jsonb, ?, ?, ?::jsonb, ?::jsonb, 'oracle')")) {
            insert.setInt(1, ruleSet.version());
            insert.setString(2, json(ruleSet.weights()));
            insert.setDouble(3, ruleSet.minScore());
            insert.setInt(4, ruleSet.topK());
            insert.setString(5, json(ruleSet.areaPriorities()));
            insert.setString(6, json(ruleSet.supportEffectiveness()));
            insert.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    /** @param offerId one offer, or null for all open offers */
    public static Result run(Connection connection, int ruleSetVersion, Long offerId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(ORACLE_SQL)) {
            query.setInt(1, ruleSetVersion);
            query.setObject(2, offerId, Types.BIGINT);
            query.setObject(3, offerId, Types.BIGINT);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getLong(2), result.getDouble(3), result.getLong(4),
                            result.getBoolean(5)));
                }
            }
        }
        return new Result(rows);
    }

    private static List<String> classificationCodes(Connection connection) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT code FROM classification_level ORDER BY rank")) {
            while (result.next()) {
                codes.add(result.getString(1));
            }
        }
        return codes;
    }

    private static void copy(Connection connection, String target, CharSequence rows) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of COPY text format; null becomes \N. */
    private static String row(Object... values) {
        return Arrays.stream(values)
                .map(value -> value == null ? "\\N" : value.toString()
                        .replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"))
                .collect(Collectors.joining("\t", "", "\n"));
    }

    private static String number(Double value) {
        return value == null ? null : Double.toString(value);
    }

    /** Array literal with every element quoted, so no code needs to avoid array syntax. */
    private static String array(Collection<String> values) {
        return values.stream().sorted()
                .map(value -> '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Double.toString round-trips, and jsonb keeps the digits, so the database reads the very same doubles. */
    private static String json(Map<String, Double> values) {
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> '"' + entry.getKey().replace("\\", "\\\\").replace("\"", "\\\"") + "\": " + entry.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
