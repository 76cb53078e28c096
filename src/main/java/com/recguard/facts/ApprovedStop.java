package com.recguard.facts;


/** Conclusion: a stop whose justification the exemption table allows here. */
public record ApprovedStop(com.recguard.model.RecordingStop stop, String code, boolean exempts) {}
