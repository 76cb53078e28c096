package com.recguard.archive;

import com.recguard.model.Ivr;
import com.recguard.model.Utterance;
import java.util.List;

/**
 * The JSON of the archive's own objects (implemented in {@code com.recguard.json}). Writing is
 * deterministic: the same input gives the same bytes, so a retry's hashes match the first run's.
 * Reading throws {@link ArchiveException} with what is wrong.
 */
public interface ArchiveCodec {

    byte[] manifest(Manifest manifest);

    Manifest readManifest(byte[] json);

    byte[] event(ArchiveEvent event);

    ArchiveEvent readEvent(byte[] json);

    byte[] ivr(String conversationId, Ivr ivr);

    byte[] transcript(String conversationId, List<Utterance> transcript);

    /** The whole bundle the decision was made from (canonical JSON), so a later re-evaluation never needs Genesys. */
    byte[] bundle(com.recguard.model.Bundle bundle);
}
