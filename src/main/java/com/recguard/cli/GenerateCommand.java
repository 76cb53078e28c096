package com.recguard.cli;

import com.recguard.generate.BundleGenerator;
import com.recguard.generate.GeneratedFixture;
import com.recguard.generate.Scenario;
import com.recguard.json.FixtureWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Write N realistic fixtures (bundle plus the decision POLICY.md's defaults call for) made from a seed.",
        "The same seed always writes the same bytes; fixture i does not depend on N. For load tests and replay.",
        "Exit 0 written, 2 cannot write."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the corpus (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--count", paramLabel = "N", defaultValue = "100", description = "How many fixtures (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write NNNNN-<scenario>.json into (created if missing).")
    Path out;

    @Option(names = "--transcript-scale", paramLabel = "K", defaultValue = "1",
            description = "Transcripts K times the usual length (default: ${DEFAULT-VALUE}); decisions do not change.")
    int transcriptScale;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (count < 0 || transcriptScale < 1) {
            err.println("--count must be 0 or more and --transcript-scale 1 or more");
            return Main.CANNOT_RUN;
        }
        BundleGenerator generator = new BundleGenerator(seed, transcriptScale);
        Map<Scenario, Integer> byScenario = new EnumMap<>(Scenario.class);
        try {
            Files.createDirectories(out);
            for (int i = 0; i < count; i++) {
                GeneratedFixture f = generator.generate(i);
                Files.writeString(out.resolve(f.name() + ".json"), FixtureWriter.write(f.description(), f.bundle(), f.expect()),
                        StandardCharsets.UTF_8);
                byScenario.merge(f.scenario(), 1, Integer::sum);
            }
        } catch (IOException e) {
            err.println(out + ": cannot write: " + e.getMessage());
            return Main.CANNOT_RUN;
        }
        StringBuilder mix = new StringBuilder();
        byScenario.forEach((s, n) -> mix.append(mix.length() == 0 ? "" : ", ").append(s.slug()).append(' ').append(n));
        stdout.println("wrote " + count + " fixtures to " + out + " (seed " + seed + ", transcript scale " + transcriptScale + ")");
        if (count > 0) {
            stdout.println("scenarios: " + mix);
        }
        return Main.OK;
    }
}
