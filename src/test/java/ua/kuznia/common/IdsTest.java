package ua.kuznia.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idListsArePaddedToAPowerOfTwoSoFewQueryFormsExist() {
        assertEquals(1, Ids.paddedSize(0));
        assertEquals(1, Ids.paddedSize(1));
        assertEquals(2, Ids.paddedSize(2));
        assertEquals(4, Ids.paddedSize(3));
        assertEquals(4, Ids.paddedSize(4));
        assertEquals(32, Ids.paddedSize(20));
        assertEquals(128, Ids.paddedSize(100));
        assertEquals("t.id in (:id0, :id1, :id2, :id3)", Ids.in("t.id", 3));
    }

    @Test
    void rowsComeBackInTheOrderOfTheIds() {
        record Row(long id) {
        }
        assertEquals(List.of(new Row(3), new Row(1), new Row(2)),
                Ids.inOrderOf(List.of(3L, 1L, 2L), List.of(new Row(1), new Row(2), new Row(3)), Row::id));
    }
}
