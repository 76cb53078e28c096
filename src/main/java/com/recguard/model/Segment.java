package com.recguard.model;

import java.time.Instant;

public record Segment(String segmentType, Instant segmentStart, Instant segmentEnd) {}
