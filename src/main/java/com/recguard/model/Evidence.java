package com.recguard.model;

/**
 * Where a hold-reason phrase was said: the transcript utterance (0-based index), the character
 * offset of the match in that utterance's text, and the words around it.
 */
public record Evidence(String reason, String phrase, int utterance, int offset, String snippet) {}
