package com.recguard.store;

import com.recguard.service.PersistenceException;

/** The database was migrated by a newer build: this one must not write to it. */
public final class SchemaTooNewException extends PersistenceException {

    public SchemaTooNewException(String message) {
        super(message);
    }
}
