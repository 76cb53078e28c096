package com.recguard.evidence;

import com.recguard.archive.Buckets;
import com.recguard.archive.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Evidence packs for the service's operators ({@code GET /evidence}) and for {@code recguard
 * evidence}: the packer with an archive, the home region (where the log digests are) and the
 * decision-log file, so a request names only the selection and, optionally, the regions to look in.
 */
public final class EvidenceDesk {

    private final EvidencePacker packer;
    private final Buckets buckets;
    private final String homeRegion;
    private final DecisionLogSource log;

    public EvidenceDesk(EvidencePacker packer, Buckets buckets, String homeRegion, DecisionLogSource log) {
        this.packer = packer;
        this.buckets = buckets;
        this.homeRegion = homeRegion;
        this.log = log;
    }

    /** Plans a pack over {@code regions} (the home region when empty); refuses with {@link EvidenceException}. */
    public EvidencePacker.Plan plan(Selection selection, List<String> regions) throws IOException {
        List<Location> at = (regions.isEmpty() ? List.of(homeRegion) : regions).stream().map(buckets::of).toList();
        return packer.plan(selection, at, buckets.of(homeRegion), log);
    }

    public EvidencePacker.Written write(EvidencePacker.Plan plan, OutputStream out) throws IOException {
        return packer.write(plan, out);
    }
}
