package org.hlspipeline.processor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.ingest.StreamEvents.end;
import static org.hlspipeline.processor.ingest.StreamEvents.renditionInfo;
import static org.hlspipeline.processor.ingest.StreamEvents.segment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hlspipeline.processor.kafka.DeadLetters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every stream event the ingest task reads lands in exactly one of its exact counts ({@link StreamStores#COUNTS}):
 * applied, duplicate, late, or dead-lettered by the reason its dead letter carries.
 */
class StreamRecordCountsTest {

    private final IngestTestDriver ingest = new IngestTestDriver(Instant.parse("2026-11-21T20:00:00Z"));

    @AfterEach
    void close() {
        ingest.close();
    }

    @Test
    void eachEventCountsOnceUnderItsOutcomeAndTheDeadLettersUnderTheirReason() {
        for (int s = 1; s <= 8; s++) {
            ingest.events.pipeInput("news", segment("news", "720p", s));             // 8 applied
        }
        ingest.events.pipeInput("news", segment("news", "720p", 10));                // applied, pending behind 9
        ingest.events.pipeInput("news", segment("news", "720p", 8));                 // duplicate
        ingest.events.pipeInput("news", segment("news", "720p", 10));                // duplicate of a pending one
        ingest.events.pipeInput("news", segment("news", "720p", 1));                 // late: below the window of 6
        ingest.events.pipeInput("news", segment("news", "720p", 7, 2.0, "other.ts")); // conflict
        ingest.events.pipeInput("news", renditionInfo("news", "720p", 2_500_000, "1280x720"));
        ingest.rawEvents.pipeInput("news", "not avro".getBytes(StandardCharsets.UTF_8)); // deserialization
        ingest.events.pipeInput("other-key", segment("news", "720p", 11));           // invalid: key
        ingest.events.pipeInput("news", segment("news", "720p", 12, -1.0, "neg.ts")); // invalid: duration
        ingest.events.pipeInput("news", end("news"));                                // applied end
        ingest.events.pipeInput("news", end("news"));                                // duplicate end
        ingest.events.pipeInput("news", segment("news", "720p", 13));                // stream-ended
        int piped = 8 + 12;

        Map<String, Long> counts = ingest.counts();

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "applied/segment", 9L, "applied/rendition-info", 1L, "applied/end", 1L,
                "duplicate/segment", 2L, "duplicate/end", 1L, "late/segment", 1L,
                "dead-lettered/conflict", 1L, "dead-lettered/deserialization", 1L, "dead-lettered/invalid", 2L,
                "dead-lettered/stream-ended", 1L));
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(piped);
        List<String> reasons = ingest.deadLetters.readRecordsToList().stream()
                .map(r -> IngestTestDriver.header(r, DeadLetters.REASON)).sorted().toList();
        assertThat(reasons).containsExactly("conflict", "deserialization", "invalid", "invalid", "stream-ended");
    }

    @Test
    void theCountsAreChangeloggedSoTheyCommitAndRestoreWithTheTask() {
        ingest.events.pipeInput("news", segment("news", "720p", 1));
        ingest.events.pipeInput("news", segment("news", "720p", 1));

        assertThat(ingest.counts()).containsExactlyInAnyOrderEntriesOf(Map.of("applied/segment", 1L,
                "duplicate/segment", 1L));
        assertThat(ingest.driver.producedTopicNames())
                .anyMatch(topic -> topic.endsWith("-" + StreamStores.COUNTS + "-changelog"));
    }
}
