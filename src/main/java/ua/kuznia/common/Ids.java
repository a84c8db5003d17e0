package ua.kuznia.common;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Rows fetched with "id in (:ids)" come back in any order; lists are paged by id order first. */
public final class Ids {

    private Ids() {
    }

    public static <T> List<T> inOrderOf(List<Long> ids, List<T> rows, Function<T, Long> id) {
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        return rows.stream().sorted(Comparator.comparing(row -> position.get(id.apply(row)))).toList();
    }
}
