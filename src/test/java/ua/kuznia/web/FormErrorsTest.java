package ua.kuznia.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import ua.kuznia.common.Problem;

/** Which violations a form's summary lists: those no field of the page shows. */
class FormErrorsTest {

    private static FormErrors errors(String... fields) {
        return FormErrors.of(List.of(fields).stream().map(f -> new Problem.Violation(f, "wrong " + f)).toList(), Locale.ENGLISH);
    }

    @Test
    void aFieldShowsItsOwnViolationsAndThoseOfItsListEntries() {
        FormErrors.Summary summary = errors("title", "areas[2]", "version").summary("title", "areas");
        assertTrue(summary.any());
        assertTrue(summary.marked());
        assertEquals(List.of(new FormErrors.Elsewhere("version", "wrong version")), summary.elsewhere());
    }

    @Test
    void emptyBracketsStandForEveryRowOfAList() {
        FormErrors.Summary summary = errors("capabilities[0].trl", "capabilities[12].trl", "capabilities[1].notes", "capabilities")
                .summary("capabilities[].trl");
        assertEquals(List.of("capabilities[1].notes", "capabilities"),
                summary.elsewhere().stream().map(FormErrors.Elsewhere::field).toList());
    }

    @Test
    void withNoFieldShownEveryViolationIsListedAndNoneMarked() {
        FormErrors.Summary summary = errors("seeking", "seeking").summary("seeking.areas", "seek");
        assertFalse(summary.marked());
        assertEquals(List.of(new FormErrors.Elsewhere("seeking", "wrong seeking")), summary.elsewhere(), "the same message once");
        assertFalse(FormErrors.none().summary("title").any());
    }
}
