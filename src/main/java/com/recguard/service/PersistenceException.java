package com.recguard.service;

/**
 * The service's durable state could not be read or written (the database is down, a statement
 * failed, the schema is wrong). Unchecked: the service contains it per conversation, the HTTP
 * shell answers 503; no caller sees the storage technology behind the ports.
 */
public class PersistenceException extends RuntimeException {

    public PersistenceException(String message) {
        super(message);
    }

    public PersistenceException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
