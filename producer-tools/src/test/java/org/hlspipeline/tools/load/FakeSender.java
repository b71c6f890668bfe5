package org.hlspipeline.tools.load;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongFunction;

import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.cli.ToolClock;
import org.hlspipeline.tools.publish.PublishException;

/**
 * A sender without Kafka: remembers every record with the clock's time when it was handed over, and answers each
 * at once with what {@code outcomes} says for its position (null for an acknowledgement), or keeps the answer
 * for the test to give later ({@link #deferred}).
 */
final class FakeSender implements LoadSender {

    record Sent(String key, StreamEvent value, long atNanos) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<Runnable> pending = new CopyOnWriteArrayList<>();
    private final ToolClock clock;
    private LongFunction<PublishException> outcomes = index -> null;
    private boolean defer;
    private long ackDelayNanos;
    volatile boolean closed;

    FakeSender(ToolClock clock) {
        this.clock = clock;
    }

    FakeSender answering(LongFunction<PublishException> outcomes) {
        this.outcomes = outcomes;
        return this;
    }

    /** Keeps every answer in {@link #pending} instead of answering at once. */
    FakeSender deferred() {
        this.defer = true;
        return this;
    }

    /** Moves the fake clock by this much before each acknowledgement, to give them a latency. */
    FakeSender acknowledgingAfter(long nanos) {
        this.ackDelayNanos = nanos;
        return this;
    }

    @Override
    public void prepare() {
    }

    @Override
    public long send(String key, StreamEvent value, Outcome outcome) {
        long index = sent.size();
        sent.add(new Sent(key, value, clock.nanoTime()));
        PublishException failure = outcomes.apply(index);
        Runnable answer = () -> outcome.completed(failure);
        if (defer) {
            pending.add(answer);
        } else {
            if (ackDelayNanos > 0) {
                ((FakeClock) clock).advance(ackDelayNanos);
            }
            answer.run();
        }
        return 100;
    }

    @Override
    public String destination() {
        return "hls.stream-events at test";
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Gives every answer kept so far; returns how many. */
    synchronized int answerPending() {
        List<Runnable> answers = List.copyOf(pending);
        pending.removeAll(answers);
        answers.forEach(Runnable::run);
        return answers.size();
    }

    /** Waits (at most 10 s) until this many answers are kept. */
    void awaitPending(int count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (pending.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + pending.size() + " of " + count + " records were handed over");
            }
            Thread.yield();
        }
    }

    List<Object> payloads() {
        return sent.stream().map(s -> s.value().getPayload()).toList();
    }
}
