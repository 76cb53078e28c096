package com.recguard.config.facts;

/**
 * Conclusion of a configuration rule: a deviation from the guide, for a compliance officer.
 *
 * @param code    stable code (e.g. NO_RECORD_ALL_BASELINE)
 * @param subject what is wrong: a policy, trunk, bucket or permission name; "org" for the whole org
 * @param section the guide's section the requirement comes from
 * @param reason  why the guide requires it, and what was found
 * @param fix     what to change, concretely
 */
public record ConfigFinding(String code, String subject, String section, String reason, String fix) {}
