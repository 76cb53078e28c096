package com.recguard.tables;

/** A problem in a data table, located for the analyst who must fix it. */
public record TableError(String file, long line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
