package ua.kuznia.common;

import jakarta.persistence.OptimisticLockException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells database failures the caller can do something about (retry later, reload and retry) from
 * genuine bugs, by walking the cause chain: the same connection loss reaches the resource as a
 * Hibernate exception, a bare {@link SQLException} from JDBC code, or wrapped by the transaction
 * interceptor when it breaks at commit.
 */
final class StorageFailures {

    enum Kind {
        /** The database cannot be reached or is shutting down: 503, retry later. */
        UNAVAILABLE,
        /** Another transaction got there first (lost optimistic lock, deadlock, serialization, unique key): 409. */
        CONFLICT,
        /**
         * The database refused a value of the request (SQLSTATE class 22, data exception: a date or
         * number out of its range, U+0000 in text): 400. Validation catches the values it knows
         * of; this keeps the rest from being answered as a server error.
         */
        INVALID_VALUE,
        /** Anything else is a bug and stays a 500. */
        OTHER
    }

    private static final int MAX_DEPTH = 32;

    private StorageFailures() {
    }

    static Kind classify(Throwable failure) {
        Kind kind = Kind.OTHER;
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (unavailable(t)) {
                return Kind.UNAVAILABLE;
            }
            if (conflict(t)) {
                kind = Kind.CONFLICT;
            } else if (kind == Kind.OTHER && invalidValue(t)) {
                kind = Kind.INVALID_VALUE;
            }
        }
        return kind;
    }

    private static boolean unavailable(Throwable t) {
        if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                || t instanceof ConnectException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null) {
                // 08: connection exception; 57P01-03: administrator/crash shutdown, cannot connect now.
                return state.startsWith("08") || state.startsWith("57P");
            }
            // Agroal reports an exhausted wait for a connection as a plain SQLException without a
            // state; with the database gone that wait is how every new request ends.
            String message = sql.getMessage();
            return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
        }
        return false;
    }

    private static boolean conflict(Throwable t) {
        if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 40001 serialization failure, 40P01 deadlock, 23505 unique key taken by a concurrent insert.
            return state.equals("40001") || state.equals("40P01") || state.equals("23505");
        }
        return false;
    }

    private static boolean invalidValue(Throwable t) {
        return t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22");
    }

    /** The innermost message, for a one-line log entry instead of a stack trace per refused request. */
    static String rootMessage(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t.getCause() != null && depth < MAX_DEPTH; depth++) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
