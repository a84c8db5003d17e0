package ua.kuznia.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SlotMapTest {

    @Test
    void agreesWithAHashMapThroughRandomInsertsAndRemovals() {
        SlotMap slots = new SlotMap();
        Map<Long, Integer> expected = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        Random random = new Random(42);
        for (int step = 0; step < 200_000; step++) {
            if (ids.isEmpty() || random.nextInt(3) != 0) {
                // Sequential and clustered ids, as a database hands them out, plus negative ones.
                long id = random.nextInt(10) == 0 ? -random.nextInt(1000) : random.nextInt(50_000);
                if (!expected.containsKey(id)) {
                    expected.put(id, slots.allocate(id));
                    ids.add(id);
                }
            } else {
                long id = ids.remove(random.nextInt(ids.size()));
                slots.release(id);
                expected.remove(id);
            }
        }
        assertEquals(expected.size(), slots.size());
        Set<Integer> used = new HashSet<>();
        for (Map.Entry<Long, Integer> entry : expected.entrySet()) {
            assertEquals(entry.getValue(), slots.slotOf(entry.getKey()));
            assertEquals(entry.getKey(), slots.idOf(entry.getValue()));
            assertTrue(used.add(entry.getValue()), "slots are unique");
        }
        assertTrue(slots.highWater() < 2 * expected.size() + 1000, "freed slots are reused");
        for (long id = -1000; id < 50_000; id++) {
            if (!expected.containsKey(id)) {
                assertEquals(-1, slots.slotOf(id));
            }
        }
    }

    @Test
    void releasingAnUnknownIdChangesNothing() {
        SlotMap slots = new SlotMap();
        int slot = slots.allocate(7);
        slots.release(8);
        assertEquals(slot, slots.slotOf(7));
        assertEquals(1, slots.size());
        assertFalse(slots.slotOf(8) >= 0);
    }
}
