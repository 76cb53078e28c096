package com.recguard.model;

import java.time.Instant;

public record Dtmf(String digit, String prompt, Instant at) {}
