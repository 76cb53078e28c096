package com.recguard.json;

/** A bundle or fixture that cannot be read; the message names the JSON path and what is wrong. */
public final class BundleFormatException extends Exception {
    public BundleFormatException(String message) {
        super(message);
    }

    public BundleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
