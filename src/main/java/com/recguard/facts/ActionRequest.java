package com.recguard.facts;

import java.util.Map;
import java.util.TreeMap;

/** Conclusion: an action for the handlers, with string parameters (sorted, for stable output). */
public record ActionRequest(String type, Map<String, String> params) {

    public ActionRequest {
        params = Map.copyOf(params);
    }

    public static ActionRequest of(String type) {
        return new ActionRequest(type, Map.of());
    }

    public static ActionRequest of(String type, String key, Object value) {
        return new ActionRequest(type, Map.of(key, String.valueOf(value)));
    }

    public static ActionRequest of(String type, String k1, Object v1, String k2, Object v2) {
        Map<String, String> p = new TreeMap<>();
        p.put(k1, String.valueOf(v1));
        p.put(k2, String.valueOf(v2));
        return new ActionRequest(type, p);
    }
}
