package com.recguard.archive;

import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One conversation to archive: its bundle, the decision the rule pack made for it, the media
 * file of each recording (by recording id), and its Genesys labels.
 */
public record ArchiveRequest(Bundle bundle, Decision decision, Map<String, Path> media, List<String> labels) {

    public ArchiveRequest {
        media = Map.copyOf(media);
        labels = List.copyOf(labels);
    }
}
