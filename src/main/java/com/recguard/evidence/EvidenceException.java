package com.recguard.evidence;

/** A pack cannot be built as asked (nothing archived under an id, no digest covers the log yet…); nothing was written. */
public final class EvidenceException extends RuntimeException {

    public EvidenceException(String message) {
        super(message);
    }
}
