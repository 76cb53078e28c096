package com.recguard.config.facts;

/** A published evaluation form (GET /api/v2/quality/publishedforms/evaluations). */
public record QualityForm(String id, String name) {}
