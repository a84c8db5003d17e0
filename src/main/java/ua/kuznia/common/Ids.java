package ua.kuznia.common;

import jakarta.persistence.Query;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Loading rows by a list of ids. Hibernate translates a query with a list parameter anew on every
 * execution (its plan cache skips multi-valued parameters), and list pages are among the most
 * frequent queries; so the ids are bound as single parameters, {@code in (:id0, :id1, …)}, their
 * number padded to a power of two with the last id repeated: a handful of query forms, each
 * translated once. Rows come back in any order; {@link #inOrderOf} restores the page's.
 */
public final class Ids {

    private Ids() {
    }

    /** How many parameters a list of {@code count} ids is bound to. */
    static int paddedSize(int count) {
        return count <= 1 ? 1 : Integer.highestOneBit(count - 1) << 1;
    }

    /** {@code "<path> in (:id0, …)"} for {@code count} ids; bind them with {@link #bind}. */
    public static String in(String path, int count) {
        return path + " in (" + IntStream.range(0, paddedSize(count)).mapToObj(i -> ":id" + i)
                .collect(Collectors.joining(", ")) + ")";
    }

    public static <Q extends Query> Q bind(Q query, List<Long> ids) {
        int size = paddedSize(ids.size());
        for (int i = 0; i < size; i++) {
            query.setParameter("id" + i, ids.get(Math.min(i, ids.size() - 1)));
        }
        return query;
    }

    public static <T> List<T> inOrderOf(List<Long> ids, List<T> rows, Function<T, Long> id) {
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        return rows.stream().sorted(Comparator.comparing(row -> position.get(id.apply(row)))).toList();
    }
}
