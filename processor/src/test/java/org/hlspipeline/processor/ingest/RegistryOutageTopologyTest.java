package org.hlspipeline.processor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.ingest.StreamEvents.end;
import static org.hlspipeline.processor.ingest.StreamEvents.segment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.streams.test.TestRecord;
import org.hlspipeline.processor.kafka.DeadLetters;
import org.hlspipeline.processor.kafka.UnreachableRegistry;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.WindowSegment;
import org.junit.jupiter.api.Test;

/**
 * While the schema registry cannot be asked for an id the task has not seen, stream events are held in order,
 * not dead-lettered and not allowed to fail the task; the registry is asked again on a doubling schedule, and once
 * it answers the task ends where a run without the outage ends.
 */
class RegistryOutageTopologyTest {

    private static final Instant T0 = Instant.parse("2026-12-04T08:00:00Z");

    @Test
    void eventsWaitInOrderWithoutADeadLetterAndApplyOnceTheRegistryAnswers() {
        UnreachableRegistry registry = new UnreachableRegistry(false);
        try (IngestTestDriver ingest = new IngestTestDriver(T0, registry)) {
            for (int s = 1; s <= 3; s++) {
                ingest.events.pipeInput("news", segment("news", "720p", s), T0.plusSeconds(s));
            }
            byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
            ingest.rawEvents.pipeInput("news", garbage, T0.plusSeconds(4));
            ingest.events.pipeInput("news", segment("news", "720p", 4), T0.plusSeconds(5));

            assertThat(ingest.window("news", "720p")).isNull();
            assertThat(ingest.deadLetters.isEmpty()).isTrue();
            assertThat(registry.lookups()).as("later records queue without asking").isEqualTo(1);

            registry.answer(true);
            ingest.driver.advanceWallClockTime(Duration.ofMillis(900));
            assertThat(ingest.window("news", "720p")).as("the retry is not due before a second").isNull();

            ingest.driver.advanceWallClockTime(Duration.ofMillis(200));
            assertThat(ingest.window("news", "720p").segments()).extracting(WindowSegment::sequence)
                    .containsExactly(1L, 2L, 3L, 4L);
            List<TestRecord<String, byte[]>> dead = ingest.deadLetters.readRecordsToList();
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isEqualTo(garbage);
            assertThat(IngestTestDriver.header(dead.get(0), DeadLetters.REASON)).isEqualTo("deserialization");
            assertThat(IngestTestDriver.header(dead.get(0), DeadLetters.SOURCE_TOPIC)).isEqualTo("hls.stream-events");
            assertThat(IngestTestDriver.header(dead.get(0), DeadLetters.SOURCE_OFFSET)).isEqualTo("3");
            assertThat(ingest.counts()).containsEntry("applied/segment", 4L)
                    .containsEntry("dead-lettered/deserialization", 1L);

            ingest.events.pipeInput("news", segment("news", "720p", 5), T0.plusSeconds(6));
            assertThat(ingest.window("news", "720p").segments()).hasSize(5);
        }
    }

    @Test
    void theRegistryIsAskedAfterOneTwoAndFourSecondsNotInALoop() {
        UnreachableRegistry registry = new UnreachableRegistry(false);
        try (IngestTestDriver ingest = new IngestTestDriver(T0, registry)) {
            ingest.events.pipeInput("news", segment("news", "720p", 1), T0);
            List<Integer> lookupsEachSecond = new java.util.ArrayList<>();
            for (int second = 1; second <= 8; second++) {
                ingest.driver.advanceWallClockTime(Duration.ofSeconds(1));
                ingest.events.pipeInput("news", segment("news", "720p", second + 1L), T0.plusSeconds(second));
                lookupsEachSecond.add(registry.lookups());
            }
            // Asked on arrival, then 1 s later, 2 s after that, then 4 s after that.
            assertThat(lookupsEachSecond).containsExactly(2, 2, 3, 3, 3, 3, 4, 4);
            assertThat(ingest.window("news", "720p")).isNull();
            assertThat(ingest.deadLetters.isEmpty()).isTrue();
        }
    }

    @Test
    void heldEventsDecideGapsAsARunWithoutTheOutageDoes() {
        Consumer<IngestTestDriver> firstPart = ingest -> {
            ingest.events.pipeInput("stalled", segment("stalled", "720p", 1), T0);
            ingest.events.pipeInput("stalled", segment("stalled", "720p", 3), T0.plusSeconds(1));
            ingest.events.pipeInput("busy", segment("busy", "720p", 1), T0.plusSeconds(2));
        };
        // A producer's new schema version: an id the task has to look up.
        Consumer<IngestTestDriver> filler = ingest ->
                ingest.rawEvents.pipeInput("stalled", newId(segment("stalled", "720p", 2)), T0.plusMillis(2_500));
        Consumer<IngestTestDriver> rest = ingest -> {
            ingest.rawEvents.pipeInput("busy", newId(segment("busy", "720p", 2)), T0.plusSeconds(6));
            ingest.rawEvents.pipeInput("busy", newId(end("busy")), T0.plusSeconds(7));
        };
        RenditionWindow withoutOutage;
        try (IngestTestDriver ingest = new IngestTestDriver(T0, new UnreachableRegistry(true))) {
            firstPart.andThen(filler).andThen(rest).accept(ingest);
            withoutOutage = ingest.window("stalled", "720p");
        }
        UnreachableRegistry registry = new UnreachableRegistry(true);
        try (IngestTestDriver ingest = new IngestTestDriver(T0, registry)) {
            firstPart.accept(ingest);
            registry.answer(false);
            filler.accept(ingest);
            // Ten seconds of wall clock with segment 2 held: a gap sweep now would declare it lost.
            ingest.driver.advanceWallClockTime(Duration.ofSeconds(10));
            rest.accept(ingest);
            assertThat(ingest.window("stalled", "720p").segments()).hasSize(1);
            registry.answer(true);
            ingest.driver.advanceWallClockTime(Duration.ofSeconds(20));

            RenditionWindow afterOutage = ingest.window("stalled", "720p");
            assertThat(afterOutage.segments()).extracting(WindowSegment::sequence).containsExactly(1L, 2L, 3L);
            assertThat(afterOutage.segments()).noneMatch(WindowSegment::gap);
            assertThat(afterOutage).isEqualTo(withoutOutage);
            assertThat(ingest.stream("busy").ended()).isTrue();
            assertThat(ingest.deadLetters.isEmpty()).isTrue();
        }
    }

    private static byte[] newId(org.hlspipeline.schemas.stream.StreamEvent event) {
        return UnreachableRegistry.underNewId(EVENTS.serialize("hls.stream-events", event));
    }

    private static final org.apache.kafka.common.serialization.Serializer<org.hlspipeline.schemas.stream.StreamEvent>
            EVENTS = org.hlspipeline.schemas.serde.AvroSerde.of(org.hlspipeline.schemas.stream.StreamEvent.class,
                    new org.hlspipeline.schemas.registry.BundledSchemaRegistry()).serializer();
}
