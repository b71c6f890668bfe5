package org.hlspipeline.tools;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;

/**
 * A publisher without Kafka: remembers what it was opened with and asked to send, and answers with a fixed
 * delivery or a fixed failure.
 */
final class RecordingPublisher implements EventPublisher, PublisherFactory {

    record Sent(String topic, String key, SpecificRecord value) {
    }

    final List<ClientSettings> opened = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    int closed;
    private Delivery delivery = new Delivery("hls.stream-events", 3, 17);
    private PublishException failOnOpen;
    private Exception failOnPublish;

    RecordingPublisher answering(Delivery answer) {
        this.delivery = answer;
        return this;
    }

    RecordingPublisher failingToOpen(PublishException failure) {
        this.failOnOpen = failure;
        return this;
    }

    /** A {@link PublishException} or a RuntimeException (standing in for a bug). */
    RecordingPublisher failingToPublish(Exception failure) {
        this.failOnPublish = failure;
        return this;
    }

    @Override
    public EventPublisher open(ClientSettings settings) throws PublishException {
        opened.add(settings);
        if (failOnOpen != null) {
            throw failOnOpen;
        }
        return this;
    }

    @Override
    public Delivery publish(String topic, String key, SpecificRecord value) throws PublishException {
        sent.add(new Sent(topic, key, value));
        if (failOnPublish instanceof PublishException publishFailure) {
            throw publishFailure;
        }
        if (failOnPublish instanceof RuntimeException bug) {
            throw bug;
        }
        return delivery;
    }

    @Override
    public void close() {
        closed++;
    }
}
