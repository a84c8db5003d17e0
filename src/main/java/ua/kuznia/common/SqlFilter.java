package ua.kuznia.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WHERE clause built from optional list filters, with named parameters, so that the page
 * query and its count query can never disagree.
 */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    public SqlFilter where(String condition) {
        conditions.add(condition);
        return this;
    }

    public SqlFilter where(String condition, String name, Object value) {
        conditions.add(condition);
        parameters.put(name, value);
        return this;
    }

    public SqlFilter param(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public String clause() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    /** How many rows of {@code from} (a FROM clause with its joins) pass the filter. */
    public long count(EntityManager em, String from) {
        return ((Number) bind(em.createNativeQuery("SELECT count(*)" + from + clause())).getSingleResult()).longValue();
    }

    /** One page of rows and how many rows pass the filter in all. */
    public record CountedPage(List<Object[]> rows, long total) {
    }

    /**
     * One page of {@code select} (a SELECT list, without FROM) over {@code from} under the filter, in
     * {@code order}, with the total. The total rides along as a window count, so a list costs one round
     * trip to the database instead of two; each row gets it as an extra last column. Only a page past
     * the end, which has no row to carry it, needs the separate count.
     */
    @SuppressWarnings("unchecked")
    public CountedPage countedPage(EntityManager em, String select, String from, String order, PageRequest page) {
        List<Object[]> rows = bind(em.createNativeQuery(select + ", count(*) OVER ()" + from + clause() + order))
                .setFirstResult(page.page * page.size).setMaxResults(page.size).getResultList();
        if (rows.isEmpty()) {
            return new CountedPage(rows, page.page == 0 ? 0 : count(em, from));
        }
        Object[] first = rows.get(0);
        return new CountedPage(rows, ((Number) first[first.length - 1]).longValue());
    }

    /** Prefix pattern for "this area or any area below it"; area codes contain no LIKE wildcards. */
    public static String descendantPattern(String areaCode) {
        return areaCode + ".%";
    }
}
