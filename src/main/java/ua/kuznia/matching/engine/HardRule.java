package ua.kuznia.matching.engine;

/** A condition every suggested pair must meet. */
interface HardRule extends Rule {

    Outcome evaluate(PairFacts facts);

    /** @param expected what the offer asks, @param actual what the profile has */
    record Outcome(boolean passed, String expected, String actual) {
    }
}
