package com.recguard.evidence;

import com.recguard.audit.LogEntry;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The decision log, read front to back once per call (the pack builder reads it twice: to find the
 * conversations' entries, then the chain between them and a digest), never held whole in memory.
 */
@FunctionalInterface
public interface DecisionLogSource {

    void scan(Consumer<LogEntry> each) throws IOException;
}
