package org.hlspipeline.queryapi.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hlspipeline.schemas.registry.BundledSchemaRegistry;
import org.hlspipeline.schemas.serde.AvroDeserializer;
import org.hlspipeline.schemas.stream.EndOfStream;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.queryapi.testing.TestKafka;

/**
 * The stream events topic read back from its beginning, every record as it was written, duplicates included (the
 * topology would drop them; the point here is what the tool sent). Values are decoded from the Confluent wire
 * format with the schema ids bundled with the release, as the app decodes them.
 */
final class PublishedEvents implements AutoCloseable {

    /** A published segment, as compared with the one ffmpeg wrote. */
    record PublishedSegment(String rendition, long sequence, String uri, long durationMicros) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroDeserializer<StreamEvent> values =
            new AvroDeserializer<>(StreamEvent.class, new BundledSchemaRegistry());
    private final Map<String, List<StreamEvent>> byStream = new LinkedHashMap<>();

    PublishedEvents(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        await("topic " + topic + " exists").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !consumer.partitionsFor(topic, Duration.ofSeconds(5)).isEmpty());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every event of the stream read so far, in the order written (one stream is one partition), after a poll. */
    synchronized List<StreamEvent> of(String streamId) {
        poll();
        return List.copyOf(byStream.getOrDefault(streamId, List.of()));
    }

    /** Every event of the stream up to the end of the topic as it is now: nothing written so far is missing. */
    synchronized List<StreamEvent> allOf(String streamId) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(10));
        await("read to the end of the topic").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll();
                    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                });
        return List.copyOf(byStream.getOrDefault(streamId, List.of()));
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            byStream.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(values.deserialize(record.topic(), record.value()));
        }
    }

    /** Waits until the stream's events satisfy the condition, and returns them. */
    List<StreamEvent> awaitThat(String streamId, String what, Duration atMost, Predicate<List<StreamEvent>> condition) {
        await(what).atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> condition.test(of(streamId)));
        return of(streamId);
    }

    static List<PublishedSegment> segments(List<StreamEvent> events) {
        List<PublishedSegment> segments = new ArrayList<>();
        for (StreamEvent event : events) {
            if (event.getPayload() instanceof Segment s) {
                segments.add(new PublishedSegment(s.getRendition(), s.getSequence(), s.getUri(),
                        s.getDurationMicros()));
            }
        }
        return segments;
    }

    static boolean isEnd(StreamEvent event) {
        return event.getPayload() instanceof EndOfStream;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
