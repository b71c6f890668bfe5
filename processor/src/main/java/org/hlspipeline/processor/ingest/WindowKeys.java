package org.hlspipeline.processor.ingest;

/**
 * Keys of the window store: {@code streamId/rendition}. Ids and rendition names never contain '/', and the
 * stream id stays the partition key, so every rendition of a stream lives with the stream on one partition.
 */
public final class WindowKeys {

    private WindowKeys() {
    }

    public static String of(String streamId, String rendition) {
        return streamId + '/' + rendition;
    }
}
