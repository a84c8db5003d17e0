package ua.kuznia.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.Session;

/**
 * A WHERE clause built from optional list filters, with named parameters, so that the page
 * query and its count query can never disagree.
 *
 * <p>Pages and counts run as plain JDBC on the session's own connection (same transaction, if
 * any) rather than as Hibernate native queries: under read load, Hibernate's handling of a native
 * query (parsing it for parameters, resolving each column's type from the result's metadata on
 * every execution) cost more CPU than the database's work for the small pages the API serves.
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

    /**
     * Adds another filter's conditions and parameters, so that rules kept apart (which offers, which
     * profiles a caller may see) hold together over one join. A parameter both name must carry the
     * same value: otherwise one of the two conditions would silently be bound to the other's value.
     */
    public SqlFilter and(SqlFilter other) {
        // Parameters first: a conflict then leaves this filter as it was.
        parametersOf(other);
        conditions.addAll(other.conditions);
        return this;
    }

    /**
     * Takes another filter's parameters but not its conditions, for a query that uses the other
     * rule in its select list ({@link #expression}) rather than to drop rows.
     */
    public SqlFilter parametersOf(SqlFilter other) {
        other.parameters.forEach((name, value) -> {
            if (parameters.containsKey(name) && !Objects.equals(parameters.get(name), value)) {
                throw new IllegalArgumentException("Parameter :" + name + " bound to two values");
            }
        });
        parameters.putAll(other.parameters);
        return this;
    }

    /** The conditions as one SQL boolean expression: true when there are none. */
    public String expression() {
        return conditions.isEmpty() ? "true" : "(" + String.join(" AND ", conditions) + ")";
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
        List<Object[]> rows = rows(em, "SELECT count(*)" + from + clause(), 0, 0);
        return ((Number) rows.get(0)[0]).longValue();
    }

    /** Every row of {@code select} over {@code from} under the filter, in {@code order}. */
    public List<Object[]> select(EntityManager em, String select, String from, String order) {
        return rows(em, select + from + clause() + order, 0, 0);
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
    public CountedPage countedPage(EntityManager em, String select, String from, String order, PageRequest page) {
        List<Object[]> rows = rows(em, select + ", count(*) OVER ()" + from + clause() + order, page.page * page.size, page.size);
        if (rows.isEmpty()) {
            return new CountedPage(rows, page.page == 0 ? 0 : count(em, from));
        }
        Object[] first = rows.get(0);
        return new CountedPage(rows, ((Number) first[first.length - 1]).longValue());
    }

    /**
     * Runs the query with this filter's parameters; {@code limit} 0 means all rows. Values come back
     * as the JDBC driver gives them, except timestamps (as {@link java.time.Instant}) and arrays (as
     * Java arrays), which is what the callers read from Hibernate's native queries before.
     */
    private List<Object[]> rows(EntityManager em, String namedSql, int offset, int limit) {
        Session session = em.unwrap(Session.class);
        if (session.isJoinedToTransaction()) {
            // What Hibernate's native query did before it ran: rows changed in this transaction count.
            session.flush();
        }
        List<Object> values = new ArrayList<>();
        String sql = positional(namedSql, parameters, values) + (limit > 0 ? " LIMIT " + limit + " OFFSET " + offset : "");
        return session.doReturningWork(connection -> query(connection, sql, values));
    }

    private static List<Object[]> query(Connection connection, String sql, List<Object> values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = plain(rs.getObject(c + 1));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private static Object plain(Object value) throws SQLException {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Array array) {
            try {
                return array.getArray();
            } finally {
                array.free();
            }
        }
        return value;
    }

    /**
     * {@code :name} placeholders to JDBC's {@code ?}, in order, with a collection value spread over
     * as many placeholders as it has elements (an empty one matches nothing). PostgreSQL casts
     * ({@code ::type}) and quoted literals are left alone.
     */
    static String positional(String sql, Map<String, Object> parameters, List<Object> values) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char ch = sql.charAt(i);
            if (ch == '\'') {
                int end = sql.indexOf('\'', i + 1);
                end = end < 0 ? sql.length() - 1 : end;
                out.append(sql, i, end + 1);
                i = end + 1;
            } else if (ch == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (ch == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (!parameters.containsKey(name)) {
                    throw new IllegalArgumentException("No value for parameter :" + name);
                }
                Object value = parameters.get(name);
                if (value instanceof Collection<?> collection) {
                    if (collection.isEmpty()) {
                        out.append("NULL");
                    }
                    int n = 0;
                    for (Object element : collection) {
                        out.append(n++ == 0 ? "?" : ", ?");
                        values.add(element);
                    }
                } else {
                    out.append('?');
                    values.add(value);
                }
                i = end;
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }

    /** Prefix pattern for "this area or any area below it"; area codes contain no LIKE wildcards. */
    public static String descendantPattern(String areaCode) {
        return areaCode + ".%";
    }
}
