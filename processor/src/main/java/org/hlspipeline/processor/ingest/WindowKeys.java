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

    /** The stream id of a window key (the whole key when it has no rendition part). */
    public static String streamId(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    /** The rendition of a window key. */
    public static String rendition(String key) {
        return key.substring(key.indexOf('/') + 1);
    }
}
