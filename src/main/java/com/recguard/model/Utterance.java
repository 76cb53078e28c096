package com.recguard.model;

public record Utterance(String purpose, long offsetMs, String text) {}
