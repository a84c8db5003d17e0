package ua.kuznia.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlFilterTest {

    private static String positional(String sql, Map<String, Object> parameters, List<Object> values) {
        return SqlFilter.positional(sql, parameters, values);
    }

    @Test
    void namedParametersBecomePositionalInOrderOfAppearance() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("text", "shell");
        parameters.put("status", "OPEN");
        List<Object> values = new ArrayList<>();
        String sql = positional("SELECT 1 WHERE t.status = :status AND t.search @@ q(:text) ORDER BY r(:text)", parameters, values);
        assertEquals("SELECT 1 WHERE t.status = ? AND t.search @@ q(?) ORDER BY r(?)", sql);
        assertEquals(List.of("OPEN", "shell", "shell"), values);
    }

    @Test
    void aCollectionSpreadsOverOnePlaceholderPerElementAndAnEmptyOneMatchesNothing() {
        List<Object> values = new ArrayList<>();
        assertEquals("x IN (?, ?, ?)", positional("x IN (:levels)", Map.of("levels", List.of("A", "B", "C")), values));
        assertEquals(List.of("A", "B", "C"), values);
        List<Object> none = new ArrayList<>();
        assertEquals("x IN (NULL)", positional("x IN (:levels)", Map.of("levels", List.of()), none));
        assertEquals(List.of(), none);
    }

    @Test
    void castsAndQuotedLiteralsAreLeftAlone() {
        List<Object> values = new ArrayList<>();
        String sql = positional("SELECT '2024-01-01 10:00'::date, ':notAParameter', a::text FROM t WHERE id = :id",
                Map.of("id", 7L), values);
        assertEquals("SELECT '2024-01-01 10:00'::date, ':notAParameter', a::text FROM t WHERE id = ?", sql);
        assertEquals(List.of(7L), values);
    }

    @Test
    void aParameterWithoutAValueIsAProgrammingErrorNamedInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> positional("WHERE a = :missing", Map.of(), new ArrayList<>()));
        assertEquals("No value for parameter :missing", e.getMessage());
    }

    @Test
    void twoFiltersJoinedHoldBothConditionsAndShareOnlyParametersOfTheSameValue() {
        SqlFilter joined = new SqlFilter().where("t.owner = :caller", "caller", 5L)
                .and(new SqlFilter().where("p.owner = :caller", "caller", 5L).where("p.status = 'PUBLISHED'"));
        assertEquals(" WHERE t.owner = :caller AND p.owner = :caller AND p.status = 'PUBLISHED'", joined.clause());
        SqlFilter first = new SqlFilter().where("a = :x", "x", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> first.and(new SqlFilter().where("b = :x", "x", 2)));
        assertEquals("Parameter :x bound to two values", e.getMessage());
        assertEquals(" WHERE a = :x", first.clause(), "a refused join leaves the filter as it was");
    }

    @Test
    void anotherRuleAsAnExpressionBringsItsParametersButDropsNoRow() {
        SqlFilter rule = new SqlFilter().where("p.owner = :caller", "caller", 5L).where("p.status = 'PUBLISHED'");
        assertEquals("(p.owner = :caller AND p.status = 'PUBLISHED')", rule.expression());
        assertEquals("true", new SqlFilter().expression());
        SqlFilter page = new SqlFilter().where("n.org = :org", "org", 3L).parametersOf(rule);
        assertEquals(" WHERE n.org = :org", page.clause());
        assertThrows(IllegalArgumentException.class, () -> new SqlFilter().where("a = :caller", "caller", 6L).parametersOf(rule),
                "the same check as a join: one name, one value");
    }
}
