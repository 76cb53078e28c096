package com.recguard.model;

import java.util.SortedMap;

/** Something the action handlers must do, with its parameters (sorted, for stable output). */
public record Action(String type, SortedMap<String, String> params) {

    public Action {
        params = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(params));
    }
}
