package com.recguard.archive;

/**
 * The archive refused to go on, and wrote nothing further: a bucket that fails preflight, media
 * that is missing, or an input that cannot be archived. The message says what to fix.
 */
public class ArchiveException extends RuntimeException {
    public ArchiveException(String message) {
        super(message);
    }
}
