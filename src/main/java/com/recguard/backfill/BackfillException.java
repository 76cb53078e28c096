package com.recguard.backfill;

/** A back-fill that cannot run or cannot go on (the CLI exits 2 with the message). */
public final class BackfillException extends Exception {

    public BackfillException(String message) {
        super(message);
    }

    public BackfillException(String message, Throwable cause) {
        super(message, cause);
    }
}
