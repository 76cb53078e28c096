package com.recguard.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import com.recguard.core.Evaluator;
import com.recguard.fixtures.Replay;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import com.recguard.rules.RulePack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbox and the decision log store bundles and decisions as JSON: reading them back must lose nothing. */
class RoundTripTest {

    @Test
    void every_fixture_bundle_and_its_decision_survive_a_write_and_read() throws Exception {
        Evaluator evaluator = new Evaluator(RulePack.load(TestPaths.RULES));
        List<Path> fixtures = Replay.discover(List.of(TestPaths.FIXTURES));
        assertThat(fixtures).isNotEmpty();
        for (Path f : fixtures) {
            Bundle b = BundleReader.read(Files.readString(f));
            assertThat(BundleReader.read(BundleWriter.write(b))).as(f.toString()).isEqualTo(b);
            Decision d = evaluator.evaluate(b);
            assertThat(DecisionReader.read(DecisionWriter.writeCompact(d))).as(f.toString()).isEqualTo(d);
        }
    }
}
