package ua.kuznia.matching.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import ua.kuznia.matching.engine.MatchEngine;
import ua.kuznia.matching.engine.OfferData;
import ua.kuznia.matching.engine.ProfileData;
import ua.kuznia.matching.engine.RandomDatasets;
import ua.kuznia.matching.engine.RuleSetData;

/**
 * The engine against an independent statement of the rules: one SQL query over the real schema,
 * run by PostgreSQL on the same random data. Agreement means the same eligible pairs, the same
 * scores within 1e-9, and the same top K in the same order.
 */
class EngineMatchesOracleProperties {

    private static final int RULE_SET_VERSION = 2;

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    @BeforeContainer
    static void startDatabase() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        OracleDatabase.migrate(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            OracleDatabase.addAreas(connection, RandomDatasets.DEEP_AREAS);
        }
    }

    @AfterContainer
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Property(tries = 40)
    void engineAgreesWithTheSqlOracle(@ForAll long seed,
            @ForAll @IntRange(min = 20, max = 200) int profileCount,
            @ForAll @IntRange(min = 5, max = 30) int offerCount) throws SQLException {
        RandomDatasets.Dataset data = new RandomDatasets(seed).dataset(profileCount, offerCount, RULE_SET_VERSION);
        OracleDatabase.Result oracle = runOracle(data);

        RankingComparison.Outcome topK = RankingComparison.compareTopK(engine(data, data.ruleSet()).fullMatch(2), oracle);
        assertTrue(topK.matches(), () -> String.join("\n", topK.differences()));

        RuleSetData everyone = new RuleSetData(RULE_SET_VERSION, data.ruleSet().weights(), 0, 1000,
                data.ruleSet().areaPriorities(), data.ruleSet().supportEffectiveness());
        RankingComparison.Outcome eligible = RankingComparison.compareEligible(engine(data, everyone).fullMatch(1), oracle);
        assertTrue(eligible.matches(), () -> String.join("\n", eligible.differences()));
    }

    @Example
    void askingForOneOfferGivesThatOffersRowsOfTheFullQuery() throws SQLException {
        RandomDatasets.Dataset data = new RandomDatasets(7).dataset(150, 20, RULE_SET_VERSION);
        OracleDatabase.Result all = runOracle(data);
        Set<Long> offersWithRows = all.eligible().stream().map(OracleDatabase.Row::offerId).collect(Collectors.toSet());
        assertFalse(offersWithRows.isEmpty(), "the dataset should have eligible pairs");
        try (Connection connection = dataSource.getConnection()) {
            for (long offer : offersWithRows) {
                List<OracleDatabase.Row> expected = all.eligible().stream().filter(row -> row.offerId() == offer)
                        .collect(Collectors.toList());
                assertEquals(expected, OracleDatabase.run(connection, RULE_SET_VERSION, offer).eligible());
            }
        }
    }

    @Example
    void closedOffersAndDraftProfilesAreNeverMatched() throws SQLException {
        RandomDatasets.Dataset data = new RandomDatasets(11).dataset(100, 25, RULE_SET_VERSION);
        Set<Long> closed = data.offers().stream().filter(offer -> !offer.open()).map(OfferData::id).collect(Collectors.toSet());
        Set<Long> drafts = data.profiles().stream().filter(profile -> !profile.published()).map(ProfileData::id)
                .collect(Collectors.toSet());
        assertFalse(closed.isEmpty() || drafts.isEmpty(), "the dataset should have closed offers and draft profiles");
        for (OracleDatabase.Row row : runOracle(data).eligible()) {
            assertFalse(closed.contains(row.offerId()) || drafts.contains(row.profileId()), row.toString());
        }
    }

    private static OracleDatabase.Result runOracle(RandomDatasets.Dataset data) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            OracleDatabase.clear(connection);
            OracleDatabase.load(connection, data.profiles(), data.offers(), data.ruleSet());
            return OracleDatabase.run(connection, RULE_SET_VERSION, null);
        }
    }

    private static MatchEngine engine(RandomDatasets.Dataset data, RuleSetData ruleSet) {
        MatchEngine engine = new MatchEngine(ruleSet);
        data.profiles().forEach(engine::upsertProfile);
        data.offers().forEach(engine::upsertOffer);
        return engine;
    }
}
