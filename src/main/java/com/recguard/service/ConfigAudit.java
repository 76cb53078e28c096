package com.recguard.service;

import com.recguard.config.AuditFinding;
import com.recguard.config.AuditReport;
import com.recguard.config.ConfigSnapshot;
import com.recguard.config.facts.ConfigFinding;
import com.recguard.facts.Setting;
import com.recguard.json.ConfigSnapshotFacts;
import com.recguard.rules.Conclusions;
import com.recguard.rules.RulePack;
import java.util.ArrayList;
import java.util.List;

/** Evaluates a snapshot with the configuration-audit pack. Thread-safe; the pack is shared. */
public final class ConfigAudit {

    private final RulePack pack;

    /** @param pack a pack from {@link RulePack#loadConfig} */
    public ConfigAudit(RulePack pack) {
        this.pack = pack;
    }

    public RulePack pack() {
        return pack;
    }

    /** recguard's own settings as the pack has them, for a snapshot that does not record them. */
    public java.util.Map<String, String> recguardSettings() {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        m.put(ConfigSnapshot.RISK_LEXICON_PHRASES, String.valueOf(pack.lexiconPhrases().size()));
        m.put(ConfigSnapshot.QA_SAMPLE_RATE, pack.tableFacts().stream().filter(Setting.class::isInstance).map(Setting.class::cast)
                .filter(s -> s.table().equals("quality") && s.key().equals("rate")).map(Setting::value).findFirst().orElse("0"));
        return m;
    }

    public AuditReport evaluate(ConfigSnapshot snapshot) {
        List<Object> facts = new ArrayList<>(ConfigSnapshotFacts.facts(snapshot.withDefaults(recguardSettings())));
        Conclusions c = pack.run(facts);
        List<AuditFinding> out = new ArrayList<>();
        for (ConfigFinding f : c.all(ConfigFinding.class)) {
            out.add(new AuditFinding(f.code(), c.ruleOf(f), f.subject(), f.section(), f.reason(), f.fix()));
        }
        out.sort(null);
        return new AuditReport(snapshot.takenAt(), pack.sha256(), out);
    }
}
