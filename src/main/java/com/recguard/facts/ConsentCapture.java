package com.recguard.facts;


/** A consent answer captured by the IVR (DTMF) or the agent (participant attribute); source says which. */
public record ConsentCapture(String value, String source) {}
