package org.hlspipeline.tools;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.specific.SpecificRecord;
import org.hlspipeline.tools.cli.ClientSettings;
import org.hlspipeline.tools.publish.Delivery;
import org.hlspipeline.tools.publish.EventPublisher;
import org.hlspipeline.tools.publish.PublishException;
import org.hlspipeline.tools.publish.PublisherFactory;

/**
 * A publisher without Kafka: remembers what it was opened with and asked to send, and answers with a fixed
 * delivery or a fixed failure. Safe to read from a test thread while a command publishes from another.
 */
public final class RecordingPublisher implements EventPublisher, PublisherFactory {

    public record Sent(String topic, String key, SpecificRecord value) {
    }

    public final List<ClientSettings> opened = new CopyOnWriteArrayList<>();
    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    public volatile int closed;
    private Delivery delivery = new Delivery("hls.stream-events", 3, 17);
    private PublishException failOnOpen;
    private Exception failOnPublish;
    private int failAfter = -1;

    public RecordingPublisher answering(Delivery answer) {
        this.delivery = answer;
        return this;
    }

    public RecordingPublisher failingToOpen(PublishException failure) {
        this.failOnOpen = failure;
        return this;
    }

    /** Fails every publish after the first {@code successes} with {@code failure}. */
    public RecordingPublisher failingAfter(int successes, Exception failure) {
        this.failAfter = successes;
        this.failOnPublish = failure;
        return this;
    }

    /** A {@link PublishException} or a RuntimeException (standing in for a bug). */
    public RecordingPublisher failingToPublish(Exception failure) {
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
        if (failAfter >= 0 && sent.size() < failAfter) {
            sent.add(new Sent(topic, key, value));
            return delivery;
        }
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
