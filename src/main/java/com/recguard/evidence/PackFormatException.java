package com.recguard.evidence;

/** A pack member that does not read as what it should be (bad JSON, a missing field); the message names it. */
public final class PackFormatException extends RuntimeException {

    public PackFormatException(String message) {
        super(message);
    }
}
