package org.hlspipeline.processor.ingest;

import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.WindowSegment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.ingest.StreamEvents.end;
import static org.hlspipeline.processor.ingest.StreamEvents.segment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.hlspipeline.processor.kafka.DeadLetters;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroSerde;
import org.hlspipeline.schemas.stream.SegmentKey;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamIngestTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");

    private final AvroSerde<StreamEvent> serde = AvroSerde.of(StreamEvent.class, new BundledSchemaRegistry());
    private TopologyTestDriver driver;
    private TestInputTopic<String, StreamEvent> events;
    private TestInputTopic<String, byte[]> rawEvents;
    private TestOutputTopic<String, byte[]> deadLetters;
    private KeyValueStore<String, RenditionWindow> windows;

    @Test
    void anEventClaimingATwoGigabyteStringIsDeadLetteredWithoutBeingAllocated() {
        byte[] valid = serde.serializer().serialize("hls.stream-events", end("news"));
        // Header (5 bytes), then the stream id's length, zigzag varint: claim 2^31 - 9 bytes instead of "news".
        byte[] claim = java.util.Arrays.copyOf(valid, 5 + 5);
        long zigzag = (long) (Integer.MAX_VALUE - 8) << 1;
        for (int i = 5; i < 10; i++) {
            claim[i] = (byte) ((zigzag & 0x7F) | (i < 9 ? 0x80 : 0));
            zigzag >>>= 7;
        }

        rawEvents.pipeInput("news", claim);

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("deserialization");
        assertThat(header(dead, DeadLetters.DETAIL)).contains("String length 2147483639 exceeds maximum allowed");
    }

    private TopologyTestDriver driverAt(Instant wallClock) {
        return new IngestTestDriver(wallClock).driver;
    }

    @BeforeEach
    void start() {
        IngestTestDriver ingest = new IngestTestDriver(T0);
        driver = ingest.driver;
        events = ingest.events;
        rawEvents = ingest.rawEvents;
        deadLetters = ingest.deadLetters;
        windows = driver.getKeyValueStore(StreamStores.WINDOWS);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private RenditionWindow window(String stream, String rendition) {
        return windows.get(WindowKeys.of(stream, rendition));
    }

    static String header(TestRecord<String, byte[]> record, String name) {
        return IngestTestDriver.header(record, name);
    }

    @Test
    void segmentsBuildTheWindowOfTheirRendition() {
        for (long s = 1; s <= 7; s++) {
            events.pipeInput("news", segment("news", "720p", s));
        }
        events.pipeInput("news", segment("news", "480p", 1));

        assertThat(window("news", "720p").mediaSequence()).isEqualTo(2);
        assertThat(window("news", "720p").segments()).hasSize(6);
        assertThat(window("news", "480p").segments()).hasSize(1);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void cmafSegmentsKeepTheirMapAndKeyIntoThePlaylist() {
        SegmentKey key = new SegmentKey("AES-128", "https://keys.example/k", "0x000102030405060708090A0B0C0D0E0F",
                null, null);
        events.pipeInput("cmaf", StreamEvents.fmp4Segment("cmaf", "720p", 1, "init.mp4", key));
        events.pipeInput("cmaf", StreamEvents.fmp4Segment("cmaf", "720p", 2, "init.mp4", key));

        String playlist = PlaylistRenderer.renderMedia(window("cmaf", "720p").toPlaylist());

        assertThat(playlist).contains("#EXT-X-VERSION:6\n").containsOnlyOnce("#EXT-X-MAP:URI=\"init.mp4\"")
                .containsOnlyOnce("#EXT-X-KEY:METHOD=AES-128");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aBadKeyIsDeadLetteredWithItsRule() {
        events.pipeInput("cmaf", StreamEvents.fmp4Segment("cmaf", "720p", 1, "init.mp4",
                new SegmentKey("AES-256", "https://keys.example/k", null, null, null)));

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("invalid");
        assertThat(header(dead, DeadLetters.DETAIL)).contains("key method must be AES-128, SAMPLE-AES or "
                + "SAMPLE-AES-CTR");
        assertThat(window("cmaf", "720p")).isNull();
    }

    @Test
    void garbageBytesGoToTheDeadLetterTopicAndLaterEventsAreStillProcessed() {
        byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        rawEvents.pipeInput("news", garbage);
        events.pipeInput("news", segment("news", "720p", 1));

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo("news");
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("deserialization");
        assertThat(header(dead, DeadLetters.DETAIL)).contains("magic byte");
        assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo("hls.stream-events");
        assertThat(header(dead, DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(window("news", "720p").segments()).hasSize(1);
    }

    @Test
    void aConflictingDuplicateGoesToTheDeadLetterTopicWithReasonConflict() {
        events.pipeInput("news", segment("news", "720p", 1, 2.0, "a.ts"));
        events.pipeInput("news", segment("news", "720p", 1, 2.0, "b.ts"));

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("conflict");
        assertThat(serde.deserializer().deserialize("hls.stream-events", dead.value()))
                .isEqualTo(segment("news", "720p", 1, 2.0, "b.ts"));
        assertThat(window("news", "720p").segments().get(0).uri()).isEqualTo("a.ts");
    }

    @Test
    void aDuplicateIsNotDeadLettered() {
        events.pipeInput("news", segment("news", "720p", 1));
        events.pipeInput("news", segment("news", "720p", 1));

        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(window("news", "720p").segments()).hasSize(1);
    }

    @Test
    void segmentsAfterTheEndGoToTheDeadLetterTopicWithReasonStreamEnded() {
        events.pipeInput("news", segment("news", "720p", 1));
        events.pipeInput("news", segment("news", "480p", 1));
        events.pipeInput("news", end("news"));
        events.pipeInput("news", segment("news", "720p", 2));
        events.pipeInput("news", segment("news", "1080p", 1));

        assertThat(window("news", "720p").ended()).isTrue();
        assertThat(window("news", "480p").ended()).isTrue();
        List<String> reasons = deadLetters.readRecordsToList().stream()
                .map(r -> header(r, DeadLetters.REASON)).toList();
        assertThat(reasons).containsExactly("stream-ended", "stream-ended");
        assertThat(window("news", "1080p")).isNull();
    }

    @Test
    void invalidEventsAreDeadLetteredWithTheRuleTheyBreak() {
        events.pipeInput("news", segment("news", "720p", 1, 2.0, "bad\r\n#EXT-X-ENDLIST"));
        events.pipeInput("other", segment("news", "720p", 1));
        events.pipeInput("news", segment("news", "720p", 1, 0.0, "zero.ts"));

        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(r -> header(r, DeadLetters.REASON)).containsOnly("invalid");
        assertThat(header(dead.get(0), DeadLetters.DETAIL)).containsIgnoringCase("control");
        assertThat(header(dead.get(1), DeadLetters.DETAIL)).contains("differs from streamId");
        assertThat(header(dead.get(2), DeadLetters.DETAIL)).contains("duration");
        assertThat(window("news", "720p")).isNull();
    }

    @Test
    void wallClockPunctuationDeclaresAStalledGapLostWhenNothingElseArrives() {
        events.pipeInput("news", segment("news", "720p", 1), T0);
        events.pipeInput("news", segment("news", "720p", 3), T0.plusSeconds(1));
        assertThat(window("news", "720p").segments()).hasSize(1);

        driver.advanceWallClockTime(Duration.ofMillis(2_500)); // wall clock at T0 + 2.5 s: deadline is T0 + 4 s
        assertThat(window("news", "720p").segments()).hasSize(1);

        driver.advanceWallClockTime(Duration.ofMillis(1_600));
        RenditionWindow window = window("news", "720p");
        assertThat(window.segments()).extracting(WindowSegment::sequence).containsExactly(1L, 2L, 3L);
        assertThat(window.segments().get(1).gap()).isTrue();
        assertThat(gapIndexSize()).isZero();
    }

    @Test
    void aReplayRunningFarBehindTheWallClockDeclaresNoGapThatTheLogFills() {
        // Replaying a day-old log: every deadline is long past by the wall clock, but records keep flowing.
        TopologyTestDriver replay = driverAt(T0.plus(Duration.ofDays(1)));
        TestInputTopic<String, StreamEvent> input = replay.createInputTopic("hls.stream-events",
                new StringSerializer(), serde.serializer());
        input.pipeInput("news", segment("news", "720p", 1), T0);
        input.pipeInput("news", segment("news", "720p", 3), T0.plusSeconds(1));
        replay.advanceWallClockTime(Duration.ofMillis(300)); // a punctuation between the two records
        input.pipeInput("news", segment("news", "720p", 2), T0.plusMillis(1_500));

        KeyValueStore<String, RenditionWindow> store = replay.getKeyValueStore(StreamStores.WINDOWS);
        RenditionWindow window = store.get(WindowKeys.of("news", "720p"));
        replay.close();
        assertThat(window.segments()).extracting(WindowSegment::sequence).containsExactly(1L, 2L, 3L);
        assertThat(window.segments()).noneMatch(WindowSegment::gap);
    }

    @Test
    void anotherStreamsRecordPastTheDeadlineDeclaresTheGapWithoutTheWallClock() {
        events.pipeInput("stalled", segment("stalled", "720p", 1), T0);
        events.pipeInput("stalled", segment("stalled", "720p", 3), T0.plusSeconds(1));

        events.pipeInput("busy", segment("busy", "720p", 1), T0.plusSeconds(4)); // stream time passes T0 + 4 s

        assertThat(window("stalled", "720p").segments()).extracting(WindowSegment::gap)
                .containsExactly(false, true, false);
        assertThat(gapIndexSize()).isZero();
    }

    @Test
    void aStreamIdlePastTheTtlAtARecordsTimeStartsAfreshEvenBeforeTheSweep() {
        events.pipeInput("reused", segment("reused", "720p", 50), T0);
        events.pipeInput("reused", end("reused"), T0);

        events.pipeInput("reused", segment("reused", "720p", 1), T0.plus(Duration.ofMinutes(61)));

        assertThat(deadLetters.isEmpty()).isTrue();
        RenditionWindow window = window("reused", "720p");
        assertThat(window.ended()).isFalse();
        assertThat(window.mediaSequence()).isEqualTo(1);
    }

    private long gapIndexSize() {
        KeyValueStore<String, String> index = driver.getKeyValueStore(StreamStores.GAP_DEADLINES);
        try (var all = index.all()) {
            long n = 0;
            while (all.hasNext()) {
                all.next();
                n++;
            }
            return n;
        }
    }

    @Test
    void anIdleStreamIsRemovedFromTheStores() {
        events.pipeInput("news", segment("news", "720p", 1), T0);
        events.pipeInput("news", segment("news", "720p", 3), T0);

        driver.advanceWallClockTime(Duration.ofMinutes(62));

        assertThat(window("news", "720p")).isNull();
        assertThat(driver.getKeyValueStore(StreamStores.STREAMS).get("news")).isNull();
        assertThat(gapIndexSize()).isZero();
    }
}
