package com.recguard.facts;


/** A phrase found in the transcript. holdId is null for the risk lexicon, else the legal hold whose term matched. */
public record PhraseHit(String holdId, String phrase, int utterance, int offset, String snippet) {}
