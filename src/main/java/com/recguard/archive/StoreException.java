package com.recguard.archive;

/** The object store failed or refused a request; the message says which request and why. */
public class StoreException extends RuntimeException {

    private final int status;

    public StoreException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public StoreException(String message) {
        this(message, 0, null);
    }

    /** The HTTP status, or 0 when the server was not reached. */
    public int status() {
        return status;
    }
}
