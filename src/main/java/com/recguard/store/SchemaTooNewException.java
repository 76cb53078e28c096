package com.recguard.store;

import java.sql.SQLException;

/** The database was migrated by a newer build: this one must not write to it. */
public final class SchemaTooNewException extends SQLException {

    public SchemaTooNewException(String message) {
        super(message);
    }
}
