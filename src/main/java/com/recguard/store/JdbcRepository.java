package com.recguard.store;

import com.recguard.service.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What the repositories share: one connection, used under its own lock (SQLite has a single
 * writer anyway, and the service's throughput is bounded by the outside systems), and transactions
 * on it, so a decision can commit rows of several repositories at once.
 */
abstract class JdbcRepository {

    protected final Connection db;
    protected final boolean sqlite;

    JdbcRepository(Connection db, boolean sqlite) {
        this.db = db;
        this.sqlite = sqlite;
    }

    interface Work<T> {
        T run() throws SQLException;
    }

    interface VoidWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} under the connection's lock; a JDBC failure becomes the service's {@link PersistenceException}. */
    <T> T locked(Work<T> work) {
        synchronized (db) {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new PersistenceException(e);
            }
        }
    }

    /** {@link #locked} for work that returns nothing. */
    void lockedDo(VoidWork work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} in one transaction; the caller holds the connection's lock. */
    <T> T inTransaction(Work<T> work) throws SQLException {
        db.setAutoCommit(false);
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}
