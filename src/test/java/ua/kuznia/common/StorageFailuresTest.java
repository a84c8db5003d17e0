package ua.kuznia.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which database failures become a 503, which a 409, and which stay a 500. */
class StorageFailuresTest {

    @Test
    void aLostOrRefusedConnectionIsUnavailable() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException());
        assertEquals(StorageFailures.Kind.UNAVAILABLE, StorageFailures.classify(
                new GenericJDBCException("Unable to acquire JDBC Connection", refused)));
        assertEquals(StorageFailures.Kind.UNAVAILABLE, StorageFailures.classify(
                new JDBCConnectionException("I/O error", new SQLException("An I/O error occurred", "08006"))));
    }

    @Test
    void aServerShuttingDownIsUnavailable() {
        assertEquals(StorageFailures.Kind.UNAVAILABLE, StorageFailures.classify(
                new SQLException("terminating connection due to administrator command", "57P01")));
        assertEquals(StorageFailures.Kind.UNAVAILABLE, StorageFailures.classify(
                new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void thePoolGivingUpIsUnavailable() {
        assertEquals(StorageFailures.Kind.UNAVAILABLE, StorageFailures.classify(
                new PersistenceException(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void aConnectionLostAtCommitIsUnavailableThroughTheInterceptorsWrapping() {
        RollbackException atCommit = new RollbackException("commit failed");
        atCommit.initCause(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        assertEquals(StorageFailures.Kind.UNAVAILABLE, StorageFailures.classify(new ArcUndeclaredThrowableException(atCommit)));
    }

    @Test
    void writesLostToConcurrentOnesAreConflicts() {
        RollbackException stale = new RollbackException("rolled back");
        stale.initCause(new OptimisticLockException("row was updated by another transaction"));
        assertEquals(StorageFailures.Kind.CONFLICT, StorageFailures.classify(new ArcUndeclaredThrowableException(stale)));
        assertEquals(StorageFailures.Kind.CONFLICT, StorageFailures.classify(
                new PersistenceException(new SQLException("deadlock detected", "40P01"))));
        assertEquals(StorageFailures.Kind.CONFLICT, StorageFailures.classify(
                new PersistenceException(new SQLException("duplicate key value violates unique constraint", "23505"))));
    }

    @Test
    void aValueTheDatabaseCannotHoldIsTheCallersToFix() {
        assertEquals(StorageFailures.Kind.INVALID_VALUE, StorageFailures.classify(
                new PersistenceException(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))));
        assertEquals(StorageFailures.Kind.INVALID_VALUE, StorageFailures.classify(
                new SQLException("date out of range: \"5874898-01-01\"", "22008")));
        // A lost connection met on the way still means: retry later.
        SQLException lost = new SQLException("An I/O error occurred", "08006");
        lost.setNextException(new SQLException("numeric field overflow", "22003"));
        assertEquals(StorageFailures.Kind.UNAVAILABLE, StorageFailures.classify(
                new PersistenceException(new SQLException("value too long", "22001", lost))));
    }

    @Test
    void everythingElseStaysABug() {
        assertEquals(StorageFailures.Kind.OTHER, StorageFailures.classify(
                new PersistenceException(new SQLException("column \"nme\" does not exist", "42703"))));
        assertEquals(StorageFailures.Kind.OTHER, StorageFailures.classify(new SQLException("no state, no known message")));
        assertEquals(StorageFailures.Kind.OTHER, StorageFailures.classify(new PersistenceException("mapping problem")));
    }
}
