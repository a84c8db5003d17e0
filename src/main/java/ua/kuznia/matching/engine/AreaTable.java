package ua.kuznia.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Area codes interned to dense ids with a parent array, so "which offer area contains this
 * capability" is a walk of a few array reads instead of string prefix tests. Ancestors are
 * interned with their descendants, so any code's whole chain is present; no list of the tree
 * has to be loaded first, and codes nobody declared still behave like the string definitions in
 * {@link AreaCodes}.
 */
final class AreaTable {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> codes = new ArrayList<>();
    private int[] parents = new int[64];

    int intern(String code) {
        Integer known = ids.get(code);
        if (known != null) {
            return known;
        }
        String parentCode = AreaCodes.parent(code);
        int parent = parentCode == null ? -1 : intern(parentCode);
        int id = codes.size();
        codes.add(code);
        ids.put(code, id);
        if (id == parents.length) {
            parents = Arrays.copyOf(parents, id * 2);
        }
        parents[id] = parent;
        return id;
    }

    /** -1 for a top-level area. */
    int parent(int id) {
        return parents[id];
    }

    String code(int id) {
        return codes.get(id);
    }

    int size() {
        return codes.size();
    }
}
