package com.recguard.facts;


/** Conclusion: PHRASE:&lt;phrase&gt; or HOLD:&lt;id&gt;; hit is the phrase that caused it, if any. */
public record HoldReason(String reason, PhraseHit hit) {}
