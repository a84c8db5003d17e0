package ua.kuznia.common;

/**
 * Fired by a service inside the transaction that changed a profile or an offer; observers that
 * must only see committed data (the matcher) listen with TransactionPhase.AFTER_SUCCESS.
 */
public record EntityChanged(Type type, long id, boolean deleted) {

    public enum Type {
        PROFILE, OFFER, RULESET
    }
}
