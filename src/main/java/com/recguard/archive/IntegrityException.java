package com.recguard.archive;

/**
 * An object in the archive is not what it must be: an existing object under a key we were about
 * to write holds different bytes, or a read-back after writing did not match. Never resolved by
 * overwriting: the archive is left as it is for an investigation.
 */
public final class IntegrityException extends ArchiveException {
    public IntegrityException(String message) {
        super(message);
    }
}
