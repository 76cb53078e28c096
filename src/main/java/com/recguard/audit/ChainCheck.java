package com.recguard.audit;

import java.util.ArrayList;
import java.util.List;

/** Verifies a decision log's chain: sequence, links and hashes. Pure. */
public final class ChainCheck {

    private ChainCheck() {}

    /** Each problem as {@code entry N: what is wrong}; empty when the chain is intact. */
    public static List<String> problems(List<LogEntry> entries) {
        List<String> out = new ArrayList<>();
        String prev = LogEntry.GENESIS;
        long expectedSeq = 1;
        for (int i = 0; i < entries.size(); i++) {
            LogEntry e = entries.get(i);
            String where = "entry " + (i + 1) + " (seq " + e.seq() + ")";
            if (e.seq() != expectedSeq) {
                out.add(where + ": expected seq " + expectedSeq + ": an entry was deleted, inserted or moved");
            }
            if (!e.prevHash().equals(prev)) {
                out.add(where + ": does not link to the entry before it: the log was reordered or an entry removed");
            }
            if (!e.hash().equals(e.expectedHash())) {
                out.add(where + ": its content does not match its hash: the entry was edited");
            }
            if (!e.inputHash().equals(LogEntry.sha256(e.input()))) {
                out.add(where + ": its input does not match its input hash: the input was edited");
            }
            prev = e.hash();
            expectedSeq = e.seq() + 1;
        }
        return out;
    }
}
