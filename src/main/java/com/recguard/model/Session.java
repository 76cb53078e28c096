package com.recguard.model;

import java.util.List;

public record Session(
        String mediaType,
        String direction,
        String ani,
        String dnis,
        Boolean recording,
        List<Segment> segments) {

    public Session {
        segments = List.copyOf(segments);
    }
}
