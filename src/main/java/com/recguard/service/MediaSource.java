package com.recguard.service;

import com.recguard.model.Recording;
import java.nio.file.Path;

/** Where recording audio comes from for the archive (Genesys Cloud in production). */
public interface MediaSource {

    /**
     * Downloads one recording's media into {@code dir} and returns the file.
     *
     * @throws ActionException retryable while Genesys is still transcoding or rate-limits, permanent otherwise
     */
    Path download(String conversationId, Recording recording, Path dir) throws ActionException;
}
