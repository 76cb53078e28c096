package com.recguard.model;

import java.util.List;

public record Ivr(String flowName, List<String> menuPath, List<Dtmf> dtmf) {

    public static final Ivr NONE = new Ivr(null, List.of(), List.of());

    public Ivr {
        menuPath = List.copyOf(menuPath);
        dtmf = List.copyOf(dtmf);
    }

    /** POLICY.md: an IVR capture is a non-empty menu path or DTMF list. */
    public boolean captured() {
        return !menuPath.isEmpty() || !dtmf.isEmpty();
    }
}
