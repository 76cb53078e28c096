package com.recguard.adapter.genesys;

import com.mypurecloud.sdk.v2.api.RecordingApi;
import com.mypurecloud.sdk.v2.model.MediaResult;
import com.recguard.model.Recording;
import com.recguard.service.ActionException;
import com.recguard.service.MediaSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recording audio for the archive: GET /api/v2/conversations/{id}/recordings/{recordingId} with
 * formatId WAV gives pre-signed media URIs once Genesys has transcoded the file (until then it
 * answers without them, which is retried); the first URI is downloaded without our token.
 */
public final class GenesysMedia implements MediaSource {

    static final Call RECORDING = Call.of("GET /api/v2/conversations/{id}/recordings/{recordingId}",
            "recording:recording:view");
    static final Call MEDIA = Call.of("GET (pre-signed media URL)", null);
    private static final Duration TRANSCODING = Duration.ofSeconds(10);

    private final GenesysClient client;
    private final RecordingApi api;

    public GenesysMedia(GenesysClient client) {
        this.client = client;
        this.api = new RecordingApi(client.api());
    }

    @Override
    public Path download(String conversationId, Recording recording, Path dir) throws ActionException {
        com.mypurecloud.sdk.v2.model.Recording r = client.call(RECORDING, () -> api.getConversationRecording(
                conversationId, recording.id(), "WAV", null, null, null, false, null, null, null));
        Map<String, MediaResult> uris = r == null || r.getMediaUris() == null ? Map.of() : new TreeMap<>(r.getMediaUris());
        String uri = uris.values().stream().map(MediaResult::getMediaUri).filter(u -> u != null && !u.isBlank())
                .findFirst().orElse(null);
        if (uri == null) {
            throw ActionException.retryable("recording " + recording.id() + " of " + conversationId
                    + " has no media URI yet (Genesys is still transcoding)", TRANSCODING, null);
        }
        Path target = dir.resolve(recording.id().replaceAll("[^A-Za-z0-9._-]", "_") + ".wav");
        if (client.downloadPresigned(MEDIA, URI.create(uri), target) == null) {
            throw ActionException.retryable("media URL of recording " + recording.id() + " answered 404", TRANSCODING, null);
        }
        return target;
    }
}
