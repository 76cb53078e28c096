/**
 * The immutable archive (seed sections 2 and 3): what goes into the WORM bucket for an archived
 * conversation, under which deterministic keys, with which lock; and the checks {@code recguard
 * verify} runs. JDK and {@code com.recguard.model} only: the object store is the port
 * {@link com.recguard.archive.ObjectStore} (implemented in {@code adapter.s3}), and JSON is the
 * port {@link com.recguard.archive.ArchiveCodec} (implemented in {@code json}).
 */
package com.recguard.archive;
