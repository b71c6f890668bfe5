package org.hlspipeline.processor.ingest;

import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.StreamState;

/**
 * Names of the stream stores. They are part of the changelog topic names
 * ({@code <application.id>-<store>-changelog}), so they never change silently.
 */
public final class StreamStores {

    /** {@code streamId/rendition} → {@link RenditionWindow}. */
    public static final String WINDOWS = "stream-windows";
    /** {@code streamId} → {@link StreamState}. */
    public static final String STREAMS = "streams";
    /** {@code <deadline>|streamId/rendition} → window key, only for windows holding pending segments. */
    public static final String GAP_DEADLINES = "stream-gap-deadlines";
    /**
     * {@code <outcome>/<kind>} → how many stream events this task applied, found duplicate or late, or
     * dead-lettered by reason ({@link org.hlspipeline.processor.kafka.RecordOutcomes}).
     */
    public static final String COUNTS = "stream-record-counts";

    /**
     * Arrival position → a stream event held back while the schema registry does not answer
     * ({@link org.hlspipeline.processor.kafka.HeldRecords}); empty otherwise.
     */
    public static final String HELD = "stream-held-records";

    private StreamStores() {
    }
}
