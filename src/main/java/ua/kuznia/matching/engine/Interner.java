package ua.kuznia.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dense ids for a small vocabulary (certification codes, transfer types). */
final class Interner {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    int intern(String value) {
        return ids.computeIfAbsent(value, v -> {
            values.add(v);
            return values.size() - 1;
        });
    }

    String value(int id) {
        return values.get(id);
    }
}
