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

    /** One page of {@code selectFrom} (a SELECT up to its FROM clause) under the filter, in {@code order}. */
    @SuppressWarnings("unchecked")
    public <R> List<R> page(EntityManager em, String selectFrom, String order, PageRequest page) {
        return bind(em.createNativeQuery(selectFrom + clause() + order))
                .setFirstResult(page.page * page.size).setMaxResults(page.size).getResultList();
    }

    /** Prefix pattern for "this area or any area below it"; area codes contain no LIKE wildcards. */
    public static String descendantPattern(String areaCode) {
        return areaCode + ".%";
    }
}
