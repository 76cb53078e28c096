package com.recguard.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import com.recguard.adapter.file.DecisionLogFile;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.archive.Archiver;
import com.recguard.archive.Buckets;
import com.recguard.archive.Conversations;
import com.recguard.json.ArchiveJson;
import com.recguard.json.BundleReader;
import com.recguard.json.EvidenceJson;
import com.recguard.model.Bundle;
import com.recguard.model.LegalHold;
import com.recguard.service.ArchiveActions;
import com.recguard.service.ConversationSource;
import com.recguard.service.LogDigests;
import com.recguard.service.PackHolder;
import com.recguard.service.RecguardService;
import com.recguard.service.ServiceEvents;
import com.recguard.servers.SharedServers;
import com.recguard.store.Store;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path a real pack takes: the service decides (logging the bundle as it evaluated it), its
 * archive action writes the bundle it was handed, a digest is locked; the pack of that conversation
 * must show the archived bundle as the logged entry's input. Storage is a real S3 (moto, else Ceph);
 * only Genesys is replaced, by an in-process source of the shared test conversation.
 */
class ServicePathEvidenceTest {

    @TempDir
    Path tmp;

    @Test
    void aConversationDecidedAndArchivedByTheServicePacksAndVerifies() throws Exception {
        EvidenceWorld world = new EvidenceWorld(SharedServers.any(), tmp);
        Bundle shape = BundleReader.read(Conversations.bundleJson("svc-held", false));
        ConversationSource source = new ConversationSource() {
            @Override
            public Bundle gather(String id, Instant at, List<LegalHold> holds) {
                return new Bundle(shape.conversation(), shape.recordings(), shape.recordingStops(), shape.ivr(),
                        shape.transcript(), holds, shape.evaluatedAt(), true);
            }

            @Override
            public List<String> conversationsEndedBetween(Instant from, Instant to) {
                return List.of();
            }
        };
        Clock clock = Clock.systemUTC();
        DecisionLogFile log = new DecisionLogFile(tmp.resolve("service.log"));
        Map<String, Path> media = Conversations.media(tmp, "svc-held", 2048);
        try (world; Store store = Store.open("jdbc:sqlite:" + tmp.resolve("recguard.db"))) {
            Archiver archiver = new Archiver(world.store, new ArchiveJson(), new Buckets(world.bucketTemplate, Map.of()), clock);
            RecguardService service = new RecguardService(store, new PackHolder(TestPaths.RULES, null), source,
                    List.of(new ArchiveActions(archiver, (cid, r, dir) -> media.get(r.id()), tmp.resolve("scratch"))),
                    new HoldRegisterFile(tmp.resolve("holds.json"), clock), log, clock, ServiceEvents.NONE,
                    RecguardService.Settings.defaults("node-1"));
            service.holds().put(new LegalHold("LH-7", List.of("u-advisor-7"), null, null, List.of()), "legal@firm.example",
                    "matter 2026-17");
            service.acceptFromSweep("svc-held", clock.instant());
            assertThat(service.processDue()).isEqualTo(1);
            for (int pass = 0; pass < 5 && store.count("outbox", "PENDING") > 0; pass++) {
                service.dispatchDue();
            }
            // only the archive handler is wired: QUEUE_FOR_QA dead-letters, the archive actions must not
            assertThat(store.items(Store.ItemStatus.DEAD)).extracting(i -> i.type()).doesNotContain("ARCHIVE", "APPLY_LEGAL_HOLD");
            assertThat(new LogDigests(log, world.store, world.at, Duration.ofDays(1), clock).run()).isNotNull();

            EvidencePacker packer = new EvidencePacker(world.store, new ArchiveJson(), new EvidenceJson(), clock);
            EvidencePacker.Plan plan = packer.plan(new Selection(List.of(), null, null, null, "LH-7"), List.of(world.at), world.at,
                    each -> {
                        try (BufferedReader r = Files.newBufferedReader(tmp.resolve("service.log"))) {
                            for (String line; (line = r.readLine()) != null; ) {
                                each.accept(new EvidenceJson().readLogLine(line));
                            }
                        }
                    });
            assertThat(plan.conversations()).extracting(EvidencePacker.Planned::conversationId).containsExactly("svc-held");
            Path pack = tmp.resolve("svc.zip");
            try (var out = Files.newOutputStream(pack)) {
                packer.write(plan, out);
            }
            EvidenceWorld.Verdict java = EvidenceWorld.java(pack);
            assertThat(java.code()).as(String.join("\n", java.lines())).isZero();
            Path script = Files.write(tmp.resolve("verify.py"), EvidenceWorld.members(pack).get(PackLayout.VERIFY_PY));
            EvidenceWorld.Verdict py = EvidenceWorld.python(script, pack);
            assertThat(py.code()).as(String.join("\n", py.lines())).isZero();
        }
    }

}
