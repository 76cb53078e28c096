package com.recguard.service;

import com.recguard.audit.LogEntry;
import java.io.IOException;
import java.util.List;

/**
 * Port: the decision log kept outside the database (a file of chained entries). The chain itself
 * is written with each decision ({@link DecisionStore}); this log receives it after the commit.
 */
public interface DecisionLog {

    /** The last entry written, or null for an empty log. */
    LogEntry last();

    /** Appends, in order, the entries the log does not have yet (seq after its last); returns how many. */
    int appendAfter(List<LogEntry> entries) throws IOException;
}
