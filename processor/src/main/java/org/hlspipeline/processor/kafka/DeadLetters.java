package org.hlspipeline.processor.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Builds dead-letter records: the original key and bytes, untouched, so the record can be fixed and replayed,
 * plus headers that say why and where it came from.
 */
public final class DeadLetters {

    public static final String REASON = "hls.dlq.reason";
    public static final String DETAIL = "hls.dlq.detail";
    public static final String SOURCE_TOPIC = "hls.dlq.source.topic";
    public static final String SOURCE_PARTITION = "hls.dlq.source.partition";
    public static final String SOURCE_OFFSET = "hls.dlq.source.offset";
    public static final String ERROR_CLASS = "hls.dlq.error.class";
    /**
     * On a record rerouted to its key's partition ({@link KeyPlacement}), where it was first read, so that its
     * dead letter names the input it was produced to, not the hop.
     */
    static final String ORIGIN_TOPIC = "hls.placement.origin.topic";
    static final String ORIGIN_PARTITION = "hls.placement.origin.partition";
    static final String ORIGIN_OFFSET = "hls.placement.origin.offset";

    private static final int MAX_DETAIL_LENGTH = 1000;

    private DeadLetters() {
    }

    public static Record<String, byte[]> of(Record<String, byte[]> original, Optional<RecordMetadata> source,
                                            DeadLetterReason reason, String detail, Throwable error) {
        Headers headers = new RecordHeaders(original.headers().toArray());
        put(headers, REASON, reason.code());
        put(headers, DETAIL, truncate(detail));
        if (headers.lastHeader(ORIGIN_TOPIC) != null) {
            // Rerouted to its key's partition: the input it was produced to is what to replay.
            put(headers, SOURCE_TOPIC, take(headers, ORIGIN_TOPIC));
            put(headers, SOURCE_PARTITION, take(headers, ORIGIN_PARTITION));
            put(headers, SOURCE_OFFSET, take(headers, ORIGIN_OFFSET));
        } else {
            source.ifPresent(meta -> {
                put(headers, SOURCE_TOPIC, meta.topic());
                put(headers, SOURCE_PARTITION, Integer.toString(meta.partition()));
                put(headers, SOURCE_OFFSET, Long.toString(meta.offset()));
            });
        }
        if (error != null) {
            put(headers, ERROR_CLASS, error.getClass().getName());
        }
        return new Record<>(original.key(), original.value(), original.timestamp(), headers);
    }

    /** A dead letter for a record read from a global store, where only the source topic is known. */
    public static Record<String, byte[]> of(Record<String, byte[]> original, String sourceTopic,
                                            DeadLetterReason reason, String detail, Throwable error) {
        Record<String, byte[]> letter = of(original, Optional.empty(), reason, detail, error);
        put(letter.headers(), SOURCE_TOPIC, sourceTopic);
        return letter;
    }

    private static String take(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        headers.remove(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String detail) {
        if (detail == null || detail.length() <= MAX_DETAIL_LENGTH) {
            return detail;
        }
        return detail.substring(0, MAX_DETAIL_LENGTH);
    }
}
