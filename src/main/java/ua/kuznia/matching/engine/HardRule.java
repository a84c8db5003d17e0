package ua.kuznia.matching.engine;

/** A condition every suggested pair must meet. */
interface HardRule extends Rule {

    Outcome evaluate(PairFacts facts);

    /**
     * @param expected   what the offer asks
     * @param actual     what the profile has
     * @param expectedUk {@code expected} in Ukrainian
     * @param actualUk   {@code actual} in Ukrainian
     */
    record Outcome(boolean passed, String expected, String actual, String expectedUk, String actualUk) {
    }
}
